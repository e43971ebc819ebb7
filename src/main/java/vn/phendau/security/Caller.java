package vn.phendau.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Who is asking: the signed-in user's name, and the provinces it may see. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean has(Role role) {
        return identity.hasRole(role.name());
    }

    public Scope scope() {
        Object province = identity.getAttribute(UserIdentityProvider.PROVINCE);
        return province instanceof String p && !p.isBlank() ? new Scope(p) : Scope.ALL;
    }
}
