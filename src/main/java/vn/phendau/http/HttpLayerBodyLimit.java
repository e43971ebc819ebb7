package vn.phendau.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.phendau.common.Json;
import vn.phendau.problem.ProblemException;
import vn.phendau.problem.ProblemMapper;

/**
 * Past {@code quarkus.http.limits.max-body-size} the HTTP layer answers 413 with an empty body before any
 * JAX-RS code runs (not even a pre-matching filter). This route runs just before that check and gives the same
 * refusal as problem+json, naming the limit that applies to the address (a single proposal's, when it is one).
 */
@ApplicationScoped
public class HttpLayerBodyLimit {

    private final Limits limits;

    public HttpLayerBodyLimit(Limits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        long outer = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> refuse(ctx, outer));
    }

    private void refuse(RoutingContext ctx, long outer) {
        long length = BodyLimitFilter.declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length <= outer) {
            ctx.next();
            return;
        }
        long limit = BodyLimitFilter.isSingleProposal(ctx.normalizedPath()) ? Math.min(limits.bodyBytes(), outer) : outer;
        ProblemException problem = Bodies.tooLarge(limit);
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(ProblemMapper.body(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        // As the HTTP layer does: answer without reading the body, then close the connection it is still on.
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON + ";charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> ctx.request().connection().close())
                .end(body);
    }
}
