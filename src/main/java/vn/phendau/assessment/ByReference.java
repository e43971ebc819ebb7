package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.phendau.labels.Labels;
import vn.phendau.legal.References;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/**
 * The API's answers as a client that renders them asks: {@code ?citations=ref} (or {@code Prefer: return=minimal})
 * writes each citation and text by its id, with the {@code legal} and {@code texts} maps at the end of the answer;
 * {@code ?labels=vi|en} adds to each finding its evidence as a reviewer reads it. Without either the answer is the
 * default one, untouched. Lists take the same parameters (BatchResource); this filter serves the answers that are
 * one object (an assessment, a dossier's filing).
 */
public class ByReference {

    public static final String CITATIONS = "citations";
    public static final String LABELS = "labels";
    public static final String PREFER = "Prefer";

    private final ObjectMapper mapper;
    private final Labels labels;

    public ByReference(ObjectMapper mapper, Labels labels) {
        this.mapper = mapper;
        this.labels = labels;
    }

    /** Whether the request asks for citations by reference: {@code ?citations=ref}, or {@code Prefer: return=minimal}. */
    public static boolean requested(String citations, List<String> prefer) {
        if ("ref".equals(citations)) {
            return true;
        }
        if (citations != null || prefer == null) {
            return false;   // ?citations=full wins over the header
        }
        for (String header : prefer) {
            for (String preference : header.split(",")) {
                if (preference.strip().replace(" ", "").equalsIgnoreCase("return=minimal")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An unknown value of either parameter is the client's mistake, said before anything is assessed. */
    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        var query = request.getUriInfo().getQueryParameters();
        String citations = query.getFirst(CITATIONS);
        String lang = query.getFirst(LABELS);
        if (citations != null && !citations.equals("ref") && !citations.equals("full")) {
            throw ProblemException.invalid(List.of(Problem.at(CITATIONS,
                    "tham số citations chỉ nhận 'ref' (dẫn chiếu theo mã) hoặc 'full' (mặc định), không nhận '" + citations + "'",
                    "the parameter citations takes 'ref' (by reference) or 'full' (the default), not '" + citations + "'")));
        }
        if (lang != null && !lang.equals("vi") && !lang.equals("en")) {
            throw ProblemException.invalid(List.of(Problem.at(LABELS,
                    "tham số labels chỉ nhận 'vi' hoặc 'en', không nhận '" + lang + "'",
                    "the parameter labels takes 'vi' or 'en', not '" + lang + "'")));
        }
    }

    @ServerResponseFilter
    public void answer(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity == null || response.getStatus() != 200 && response.getStatus() != 201
                || !request.getUriInfo().getPath().startsWith("/api/") || !(entity instanceof Record)) {
            return;
        }
        var query = request.getUriInfo().getQueryParameters();
        boolean ref = requested(query.getFirst(CITATIONS), request.getHeaders().get(PREFER));
        String lang = query.getFirst(LABELS);
        if (!ref && lang == null) {
            return;
        }
        try {
            References refs = ref ? new References() : null;
            JsonNode tree = mapper.readTree(ref ? refs.writer(mapper).writeValueAsBytes(entity) : mapper.writeValueAsBytes(entity));
            if (!(tree instanceof ObjectNode answer)) {
                return;
            }
            if (lang != null) {
                label(answer, lang);
            }
            if (ref) {
                refs.compact(answer);
                for (Map.Entry<String, Map<String, ?>> map : refs.maps().entrySet()) {
                    answer.set(map.getKey(), mapper.valueToTree(map.getValue()));
                }
                if (query.getFirst(CITATIONS) == null) {
                    response.getHeaders().putSingle("Preference-Applied", "return=minimal");
                }
            }
            response.setEntity(mapper.writeValueAsBytes(answer), new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each finding, wherever it is in the answer, gets {@code evidenceLabels}: path → {field, value} in the language asked. */
    private void label(JsonNode node, String lang) {
        if (node instanceof ObjectNode o && o.has("ruleId") && o.get("evidence") instanceof ObjectNode evidence) {
            ObjectNode said = o.putObject("evidenceLabels");
            for (Iterator<Map.Entry<String, JsonNode>> it = evidence.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ObjectNode one = said.putObject(e.getKey());
                one.put("field", labels.field(e.getKey()).in(lang));
                one.put("value", labels.evidence(e.getKey(), e.getValue()).in(lang));
            }
            return;
        }
        node.forEach(child -> label(child, lang));
    }
}
