package vn.phendau.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Checks a name and password (HTTP Basic, or the login form) against the embedded users; the login form must also
 * carry its CSRF token ({@link Csrf}).
 */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The identity's attribute that holds the province (its name today), absent for all provinces. */
    public static final String PROVINCE = "province";
    /** Where the login form posts (Quarkus's form sign-in); its fields are read by the time a provider is asked. */
    static final String LOGIN_FORM = "/j_security_check";

    private final Users users;
    private final SignInFailures failures;

    public UserIdentityProvider(Users users, SignInFailures failures) {
        this.users = users;
        this.failures = failures;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        io.vertx.ext.web.RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (ctx != null && LOGIN_FORM.equals(ctx.normalizedPath())
                && !Csrf.matches(ctx, ctx.request().formAttributes().get(Csrf.FIELD))) {
            // The login form without its token: another website's form signing this browser in as someone else (login
            // CSRF). Refused before the password is even checked; not a guess at a password, so not audited as one.
            ctx.put(Csrf.LOGIN_REFUSED, Boolean.TRUE);
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            Optional<AppUser> user = users.verify(request.getUsername(), request.getPassword().getPassword());
            if (user.isEmpty()) {
                failures.failed(request.getUsername(), "password");
                throw new AuthenticationFailedException();
            }
            return identity(user.get());
        });
    }

    static SecurityIdentity identity(AppUser u) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(u.name)).addRole(u.role);
        if (u.province != null) {
            identity.addAttribute(PROVINCE, u.province);
        }
        return identity.build();
    }
}
