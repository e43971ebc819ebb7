package vn.phendau.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Checks a name and password (HTTP Basic, or the login form) against the embedded users. */
@ApplicationScoped
public class UserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The identity's attribute that holds the province (its name today), absent for all provinces. */
    public static final String PROVINCE = "province";

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
