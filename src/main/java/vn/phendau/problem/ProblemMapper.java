package vn.phendau.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import vn.phendau.common.Text;

/**
 * The one exception mapper of the service: every error leaves as RFC 9457 application/problem+json,
 * bilingual, with the path of each problem, and never with a stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The request's headers, to name the content type Quarkus REST refused before any resource saw it. */
    @Context
    HttpHeaders headers;

    /** The request's address, to name the methods it accepts when the one sent is not (405). */
    @Context
    UriInfo uri;

    @jakarta.inject.Inject
    vn.phendau.ops.Metrics metrics;

    @Override
    public Response toResponse(Throwable e) {
        ProblemException p = asProblem(e, this::sentContentType);
        String allow = p.status() == 405 && uri != null ? AllowedMethods.at(uri.getPath()) : null;
        if (allow != null) {
            p = methodNotAllowed(allow);
        }
        metrics.problem(p.type(), p.status());
        Response.ResponseBuilder answer = Response.status(p.status()).type(PROBLEM_JSON + ";charset=UTF-8").entity(body(p));
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        if (p.retryAfter() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, p.retryAfter());
        }
        return answer.build();
    }

    /** A problem's answer, for the mappers that answer a problem they did not throw (401 and 403). */
    public static Response answer(ProblemException p) {
        return Response.status(p.status()).type(PROBLEM_JSON + ";charset=UTF-8").entity(body(p)).build();
    }

    public static Map<String, Object> body(ProblemException p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:phendau:problem:" + p.type());
        body.put("title", p.titleEn());
        body.put("status", p.status());
        body.put("detail", p.problems().size() + (p.problems().size() == 1 ? " problem" : " problems"));
        String instance = vn.phendau.ops.RequestIds.instance();
        if (instance != null) {
            body.put("instance", instance);  // the request's id, as in X-Request-Id and every log line of the request
        }
        body.put("message", Text.of(p.titleVi(), p.titleEn()));
        body.put("problems", p.problems());
        return body;
    }

    /** A 405 that says which method to use, as the Allow header does; HEAD and OPTIONS go without saying. */
    private static ProblemException methodNotAllowed(String allow) {
        List<String> use = java.util.Arrays.stream(allow.split(",\\s*"))
                .filter(m -> !m.equals("HEAD") && !m.equals("OPTIONS")).toList();
        return new ProblemException(405, "method-not-allowed", "Phương thức không được phép", "Method not allowed",
                List.of(Problem.at("$", "địa chỉ này không nhận phương thức đã gửi; hãy dùng " + String.join(" hoặc ", use),
                        "this address does not accept that method; use " + String.join(" or ", use))));
    }

    private String sentContentType() {
        try {
            String type = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            if (type == null || type.isBlank()) {
                return "(none)";
            }
            return type.length() <= 100 ? type.strip() : type.substring(0, 97) + "…";
        } catch (RuntimeException outsideARequest) {
            return "?";
        }
    }

    private static ProblemException asProblem(Throwable e, java.util.function.Supplier<String> contentType) {
        if (e instanceof ProblemException p) {
            return p;
        }
        if (e instanceof vn.phendau.ops.ServiceStopping) {
            return new ProblemException(503, "unavailable", "Dịch vụ đang dừng", "Service unavailable",
                    List.of(Problem.at("$", "dịch vụ đang dừng; hãy gửi lại sau ít phút", "the service is stopping; send the request again in a few minutes")));
        }
        if (e instanceof vn.phendau.http.ClientGone) {
            // Nobody is left to read an answer; a client that leaves is no failure of the service.
            LOG.debug("the client left before its answer was whole");
            return new ProblemException(400, "client-gone", "Máy khách đã rời đi", "Client gone",
                    List.of(Problem.at("$", "máy khách đã đóng kết nối", "the client closed the connection")));
        }
        if (e instanceof JsonProcessingException j) {
            return ProblemException.invalid(List.of(vn.phendau.proposal.ProposalReader.malformed(j)));
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            if (status == 404) {
                return new ProblemException(404, "not-found", "Không tìm thấy", "Not found",
                        List.of(Problem.at("$", "không có tài nguyên ở địa chỉ này", "there is no resource at this address")));
            }
            if (status == 405) {
                return new ProblemException(405, "method-not-allowed", "Phương thức không được phép", "Method not allowed",
                        List.of(Problem.at("$", "địa chỉ này không nhận phương thức đã gửi", "this address does not accept that method")));
            }
            if (status == 406) {
                return new ProblemException(406, "not-acceptable", "Không có định dạng phù hợp", "Not acceptable",
                        List.of(Problem.at("Accept", "không trả lời được ở định dạng yêu cầu", "cannot answer in the requested format")));
            }
            if (status == 415) {
                return ProblemException.unsupportedMediaType(contentType.get(), "application/json");
            }
            if (status < 500) {
                return new ProblemException(status, "bad-request", "Yêu cầu không hợp lệ", "Bad request",
                        List.of(Problem.at("$", "yêu cầu không hợp lệ", "the request is not valid")));
            }
        }
        LOG.error("unexpected failure", e);
        return new ProblemException(500, "internal", "Lỗi hệ thống", "Internal error",
                List.of(Problem.at("$", "lỗi nội bộ; yêu cầu của bạn không bị lưu, hãy thử lại hoặc báo cho quản trị",
                        "internal error; nothing was stored, try again or tell the administrator")));
    }
}
