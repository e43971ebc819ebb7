package vn.phendau.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An honest client that announces a single proposal larger than {@code phendau.limits.body-bytes} gets 413 at once,
 * before its body is read; a client that does not announce the length is stopped by {@link Bodies#read} instead.
 */
public class BodyLimitFilter {

    /** The endpoints that take one proposal (AssessmentResource). */
    static final Set<String> SINGLE_PROPOSAL = Set.of("/api/v1/assessments", "/api/v1/proposals/validate");

    private final Limits limits;

    public BodyLimitFilter(Limits limits) {
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
