package vn.phendau.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in to the pages through the OIDC provider (the authorization-code flow). application.properties makes
 * {@value #PATH} need a user signed in by Quarkus's code flow ({@code auth-mechanism=code}): a browser without one is
 * sent to the provider, comes back here with the provider's code, and Quarkus turns the code into its own encrypted
 * session cookie ({@code q_session}). By then the browser is signed in, and is sent on to the page that asked for
 * sign-in, or to the home page. With OIDC off, the login page does not offer the provider, and Quarkus sends a
 * browser that comes here anyway to the login page.
 */
@Path(ProviderSignIn.PATH)
public class ProviderSignIn {

    public static final String PATH = "/login/oidc";
    /** The cookie SecurityProblems sets when a page asks for sign-in: where to go back to. */
    static final String BACK = "quarkus-redirect-location";
    /** Quarkus's code-flow session cookies: the session itself, and its parts when the tokens are long. */
    static final String SESSION_COOKIES = "q_session";

    private final boolean enabled;
    private final SecurityIdentity identity;

    public ProviderSignIn(@ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean enabled,
            SecurityIdentity identity) {
        this.enabled = enabled;
        this.identity = identity;
    }

    @GET
    @Operation(hidden = true)
    public Response signedIn(@Context RoutingContext exchange) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            // The HTTP permission lets no one here without the code flow's user; this is only a second lock.
            return Response.status(404).build();
        }
        Cookie back = exchange.request().getCookie(BACK);
        URI to = URI.create("/");
        if (back != null) {
            exchange.response().addCookie(Cookie.cookie(BACK, "").setPath("/").setMaxAge(0));
            to = sameSite(back.getValue());
        }
        return Response.seeOther(to).build();
    }

    /** The page a cookie names, on this site only: the path and query of the address, never another host. */
    static URI sameSite(String address) {
        try {
            URI uri = URI.create(address);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith(PATH)) {
                return URI.create("/");
            }
            return URI.create(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    /** Signing out forgets the code flow's session too: the cookies this browser sent, each by its own name. */
    public static void forget(RoutingContext exchange) {
        for (String name : Set.copyOf(exchange.request().cookieMap().keySet())) {
            if (name.startsWith(SESSION_COOKIES)) {
                exchange.response().addCookie(Cookie.cookie(name, "").setPath("/").setMaxAge(0).setHttpOnly(true));
            }
        }
    }
}
