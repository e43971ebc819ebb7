package vn.phendau.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** A page opened with {@code ?lang=vi|en} remembers the choice for the next pages; the API is left alone. */
public class LanguageCookie {

    static final int ONE_YEAR = 365 * 24 * 3600;

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            return;
        }
        Viewer.chosen(request.getUriInfo().getQueryParameters().getFirst("lang")).ifPresent(lang ->
                response.getHeaders().add(HttpHeaders.SET_COOKIE,
                        Viewer.COOKIE + "=" + lang + "; Path=/; Max-Age=" + ONE_YEAR + "; SameSite=Lax"));
    }
}
