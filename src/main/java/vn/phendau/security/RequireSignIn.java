package vn.phendau.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code phendau.security.require-sign-in=true}: the public API and pages (catalog, resolution, assessments, the form)
 * need a signed-in user too, of any role. The login page, and health and OpenAPI (not resources of ours), stay open.
 */
public class RequireSignIn {

    private final SecurityConfig config;
    private final CurrentIdentityAssociation identities;

    public RequireSignIn(SecurityConfig config, CurrentIdentityAssociation identities) {
        this.config = config;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!config.requireSignIn() || path.equals("/login") || path.equals("/logout")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            return null;
        });
    }
}
