package vn.phendau.ops;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id, first thing: the client's own {@code X-Request-Id} when it is a sensible token (so
 * that a gateway's id follows the request through), else a new one. The id is in the MDC, which Quarkus keeps in
 * the request's own Vert.x context, so every log line of the request carries it (as {@code requestId}), on the
 * I/O thread and on the worker that serves it; it is sent back as {@code X-Request-Id}, shown by the access log,
 * and named by each problem+json answer ({@code instance}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** A client's id is taken as it is only when it cannot break a log line or a header. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void install(@Observes Router router) {
        // Before the HTTP layer's own refusals (HttpLayerProblems), so that they too name the request.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(RequestIds::tag);
    }

    private static void tag(RoutingContext ctx) {
        name(ctx);
        ctx.next();
    }

    /**
     * Names a request the router refused before any route ran (no Host header, a path it cannot decode), so that
     * its problem too says which request it was.
     */
    public static void nameIfUnnamed(RoutingContext ctx) {
        if (MDC.get(MDC_KEY) == null) {
            name(ctx);
        }
    }

    private static void name(RoutingContext ctx) {
        String sent = ctx.request().getHeader(HEADER);
        String id = sent != null && SAFE.matcher(sent).matches() ? sent : newId();
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
    }

    /** A random (version 4) UUID; not a secret, so a thread's own generator does, without SecureRandom's lock. */
    static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** The id of the request being served, as a URI for a problem's {@code instance}; null outside a request. */
    public static String instance() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : "urn:phendau:request:" + id;
    }
}
