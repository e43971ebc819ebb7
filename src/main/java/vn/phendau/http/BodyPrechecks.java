package vn.phendau.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/**
 * What can be refused from the head of a single-proposal request, before its body is read (pre-matching filters):
 * <ul>
 * <li>an honest client that announces a body larger than {@code phendau.limits.body-bytes} gets 413 at once; a client
 * that does not announce the length is stopped by {@link Bodies#read} instead;</li>
 * <li>a compressed body (Content-Encoding gzip, …) gets 415 naming the coding, rather than a 400 about bytes that
 * are not UTF-8: the service reads plain JSON only.</li>
 * </ul>
 */
public class BodyPrechecks {

    /** The endpoints that take one proposal (AssessmentResource). */
    static final Set<String> SINGLE_PROPOSAL = Set.of("/api/v1/assessments", "/api/v1/proposals/validate");

    private final Limits limits;

    public BodyPrechecks(Limits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public void announcedLength(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !isSingleProposal(request.getUriInfo().getPath())) {
            return;
        }
        long length = declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        if (length > limits.bodyBytes()) {
            throw Bodies.tooLarge(limits.bodyBytes());
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void contentEncoding(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !isSingleProposal(request.getUriInfo().getPath())) {
            return;
        }
        String coding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (coding != null && !coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
            String got = coding.length() <= 60 ? coding.strip() : coding.substring(0, 57) + "…";
            throw new ProblemException(415, "unsupported-media-type", "Kiểu nội dung không được hỗ trợ", "Unsupported media type",
                    List.of(Problem.at(HttpHeaders.CONTENT_ENCODING,
                            "không đọc được nội dung nén '" + got + "'; hãy gửi JSON không nén",
                            "content coding '" + got + "' is not supported; send uncompressed JSON")));
        }
    }

    static boolean isSingleProposal(String path) {
        String p = path == null ? "" : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return SINGLE_PROPOSAL.contains(p);
    }

    /** The Content-Length header as a number, or -1 when absent or not a number (the HTTP layer refuses those). */
    static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
