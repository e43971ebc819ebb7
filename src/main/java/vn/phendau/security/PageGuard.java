package vn.phendau.security;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Set;
import vn.phendau.common.Json;
import vn.phendau.ops.RequestIds;
import vn.phendau.problem.ProblemMapper;

/**
 * Page security, first thing for every request (before the request id, the HTTP layer's refusals and sign-in):
 * <ul>
 * <li>a request that changes state and that a browser says comes from another site ({@code Sec-Fetch-Site:
 * cross-site} or {@code same-site}, or an {@code Origin} that is not this host) is refused with 403: a form on another
 * website cannot make a signed-in browser post here. Clients that are not browsers send neither header;</li>
 * <li>every answer says {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: same-origin}, and every
 * page (all but Quarkus's own /q/ tools) {@code Content-Security-Policy: default-src 'self'; frame-ancestors 'none'};</li>
 * <li>report, list, dossier and login pages are not cached ({@code Cache-Control: no-store});</li>
 * <li>a cookie set over HTTPS (directly, or behind a proxy that says {@code X-Forwarded-Proto: https}) is Secure.</li>
 * </ul>
 * The CSRF token of the forms themselves is {@link Csrf}'s.
 */
@ApplicationScoped
public class PageGuard {

    public static final String CSP = "default-src 'self'; frame-ancestors 'none'";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final List<String> NOT_CACHED = List.of("/reports/", "/lists/", "/dossiers/", "/login");

    void install(@Observes Router router) {
        // Before Quarkus's sign-in (a filter of priority 200 or so, so order -200), which answers the login form's
        // post itself, and before RequestIds (-4): a refusal here names its request through nameIfUnnamed.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1000).handler(PageGuard::guard);
    }

    static void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!SAFE.contains(request.method()) && crossSite(request)) {
            RequestIds.nameIfUnnamed(ctx);
            String body;
            try {
                body = Json.MAPPER.writeValueAsString(ProblemMapper.body(SecurityProblems.forbidden(
                        "yêu cầu gửi từ một trang web khác bị từ chối", "a request sent from another website is refused")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            headers(ctx, "/");
            ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON + ";charset=UTF-8")
                    .end(body);
            return;
        }
        String path = request.path() == null ? "/" : request.path();
        if (path.equals("/j_security_check")) {
            // A wrong password at the login form: Quarkus answers with the API's Basic challenge (401), which would make
            // the browser ask in a dialog of its own; the login page says it instead.
            // A login form without its CSRF token goes back to a fresh form, which says so.
            ctx.addHeadersEndHandler(v -> {
                boolean stale = Boolean.TRUE.equals(ctx.get(Csrf.LOGIN_REFUSED));
                if (ctx.response().getStatusCode() == 401 || stale) {
                    ctx.response().setStatusCode(302).headers().remove("WWW-Authenticate").set(HttpHeaders.LOCATION,
                            stale ? "/login?error=stale" : "/login?error=true");
                }
            });
        }
        ctx.addHeadersEndHandler(v -> headers(ctx, path));
        ctx.next();
    }

    static boolean crossSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true;  // a sandboxed frame, a redirect across sites, a data: URL
        }
        String host;
        try {
            URI o = URI.create(origin.strip());
            host = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (host == null) {
            return true;
        }
        String forwarded = request.getHeader("X-Forwarded-Host");
        String own = request.getHeader(HttpHeaders.HOST);
        return !(host.equalsIgnoreCase(own) || host.equalsIgnoreCase(forwarded)
                || (own != null && defaultPort(origin) && host.equalsIgnoreCase(own.replaceFirst(":(80|443)$", ""))));
    }

    private static boolean defaultPort(String origin) {
        return !origin.matches(".*:\\d+/?$");
    }

    static void headers(RoutingContext ctx, String path) {
        var h = ctx.response().headers();
        h.set("X-Content-Type-Options", "nosniff");
        String type = h.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.strip().equalsIgnoreCase("text/html")) {
            h.set(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8");  // Qute's pages are UTF-8; say so
        }
        h.set("Referrer-Policy", "same-origin");
        if (!path.startsWith("/q/")) {
            h.set("Content-Security-Policy", CSP);
        }
        if (NOT_CACHED.stream().anyMatch(path::startsWith)) {
            h.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (https(ctx.request())) {
            // Cookies added to the response are written after this runs: mark them, not those the browser sent.
            for (io.vertx.core.http.Cookie c : ctx.request().cookies()) {
                if (c instanceof io.vertx.core.http.impl.ServerCookie sc && sc.isChanged() && !sc.isFromUserAgent()) {
                    c.setSecure(true);
                }
            }
            List<String> cookies = h.getAll(HttpHeaders.SET_COOKIE);
            if (!cookies.isEmpty()) {
                h.remove(HttpHeaders.SET_COOKIE);
                for (String c : cookies) {
                    h.add(HttpHeaders.SET_COOKIE, c.toLowerCase(java.util.Locale.ROOT).contains("; secure") ? c : c + "; Secure");
                }
            }
        }
    }

    static boolean https(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
