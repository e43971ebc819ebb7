package vn.phendau.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The login page: its form posts to Quarkus's form sign-in ({@code /j_security_check}), which sets the encrypted
 * session cookie and sends the browser back to the page that asked for sign-in. Signing out drops that cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPageResource {

    public static final String SESSION_COOKIE = "phendau-session";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Page page, boolean error, boolean stale, boolean provider);
    }

    private final Pages pages;
    /** Whether the OIDC provider signs in to the pages too: the login page then offers it. */
    private final boolean provider;

    public LoginPageResource(Pages pages,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean provider) {
        this.pages = pages;
        this.provider = provider;
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@BeanParam Viewer viewer, @RestQuery("error") String error) {
        // error=stale: the form came without its CSRF token (an old page, or another website's form).
        boolean stale = "stale".equals(error);
        return Pages.html(error == null ? 200 : stale ? 403 : 401, viewer,
                Templates.login(pages.page(viewer, "/login", "login"), error != null && !stale, stale, provider));
    }

    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(@Context RoutingContext exchange, @jakarta.ws.rs.FormParam("csrf") String csrf) {
        vn.phendau.security.Csrf.check(exchange, csrf);
        exchange.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        vn.phendau.security.ProviderSignIn.forget(exchange);
        return Response.seeOther(URI.create("/")).build();
    }
}
