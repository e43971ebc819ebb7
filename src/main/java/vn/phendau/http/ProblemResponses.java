package vn.phendau.http;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import vn.phendau.problem.ProblemMapper;

/**
 * Declares in the OpenAPI document the problem+json answers every API operation can give, as ProblemMapper writes
 * them: what a client generated from the document must expect besides success. Registered by
 * {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    /** For every operation: what the status means here. */
    private static final Map<String, String> ALWAYS = Map.of(
            "406", "The Accept header takes none of the formats this operation answers in.",
            "503", "The service is stopping and did not start this request; send it again (during a shutdown the HTTP "
                    + "layer may answer 503 with no body).");
    /** For operations that take a body. */
    private static final Map<String, String> WITH_BODY = Map.of(
            "400", "The body is not valid: each problem with its path, in Vietnamese and English.",
            "413", "The body, a text or a list is over a limit (README, Errors).",
            "415", "The Content-Type is not one this operation takes.");
    /** For operations that name a resource in their path. */
    private static final Map<String, String> WITH_PATH_PARAMETER = Map.of(
            "404", "There is nothing under this identifier.");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> declare(path, method, operation));
            }
        });
    }

    private static void declare(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        ALWAYS.forEach((status, why) -> add(operation, status, why));
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            WITH_BODY.forEach((status, why) -> add(operation, status, why));
        }
        if (path.contains("{")) {
            WITH_PATH_PARAMETER.forEach((status, why) -> add(operation, status, why));
        }
    }

    /** The status as a problem+json answer; one already declared (SmallRye's own 400, say) is given that body. */
    private static void add(Operation operation, String status, String why) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(why);
            operation.getResponses().addAPIResponse(status, response);
        }
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        response.getContent().addMediaType(ProblemMapper.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The same message in Vietnamese and in English.")
                .addProperty("vi", string()).addProperty("en", string()).required(List.of("vi", "en"));
        Schema problem = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("path", string().description("The JSON path of the field (or the header, or the list cell) at fault; $ for the whole."))
                .addProperty("message", text).required(List.of("path", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, bilingual, with the path of each problem.")
                .addProperty("type", string().description("urn:phendau:problem:<kind>"))
                .addProperty("title", string())
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string())
                .addProperty("instance", string().description("urn:phendau:request:<id>: the request's id, as in X-Request-Id and the logs."))
                .addProperty("message", text)
                .addProperty("problems", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(problem))
                .required(List.of("type", "title", "status", "problems"));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
