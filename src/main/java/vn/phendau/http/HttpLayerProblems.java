package vn.phendau.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.phendau.common.Json;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.problem.ProblemMapper;

/**
 * The refusals the HTTP layer makes before any JAX-RS code runs (so before {@link ProblemMapper}), given as
 * problem+json like every other error of the service:
 * <ul>
 * <li>past {@code quarkus.http.limits.max-body-size} Quarkus answers 413 with an empty body, not even a pre-matching
 * filter runs; a route ordered just before that check gives the same refusal, naming the limit that applies to
 * the address (a single proposal's, when it is one);</li>
 * <li>a request the router cannot route (a path that is not percent-encoded properly, no Host header) fails with
 * a bare 4xx; a failure handler ahead of Quarkus's own says what was wrong.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpLayerProblems {

    private final Limits limits;
    private final vn.phendau.ops.Metrics metrics;

    public HttpLayerProblems(Limits limits, vn.phendau.ops.Metrics metrics) {
        this.limits = limits;
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        long outer = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(ctx -> refuseOverOuterLimit(ctx, outer))
                .failureHandler(this::clientFailure);
    }

    private void refuseOverOuterLimit(RoutingContext ctx, long outer) {
        long length = BodyPrechecks.declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length <= outer) {
            ctx.next();
            return;
        }
        long limit = BodyPrechecks.isSingleProposal(ctx.request().path()) ? Math.min(limits.bodyBytes(), outer) : outer;
        // As the HTTP layer does: answer without reading the body, then close the connection it is still on.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ctx.addEndHandler(v -> ctx.request().connection().close());  // the context's, so that its other end handlers still run
        send(ctx, Bodies.tooLarge(limit));
    }

    /** A 4xx the router itself decided, without an exception of ours: answered here; anything else goes on. */
    private void clientFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status > 499) {
            ctx.next();
            return;
        }
        String reason = ctx.failure() == null || ctx.failure().getMessage() == null ? "" : ": " + ctx.failure().getMessage();
        send(ctx, new ProblemException(status, "bad-request", "Yêu cầu không hợp lệ", "Bad request",
                List.of(Problem.at("$", "yêu cầu HTTP không hợp lệ" + reason, "malformed HTTP request" + reason))));
    }

    private void send(RoutingContext ctx, ProblemException problem) {
        send(ctx, problem, metrics);
    }

    /** Also for the body guard, which refuses bodies before any resource (or this class's handlers) runs. */
    static void send(RoutingContext ctx, ProblemException problem, vn.phendau.ops.Metrics metrics) {
        vn.phendau.ops.RequestIds.nameIfUnnamed(ctx);
        metrics.problem(problem.type(), problem.status());
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(ProblemMapper.body(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON + ";charset=UTF-8")
                .end(body);
    }
}
