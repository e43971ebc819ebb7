package vn.phendau.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.phendau.reference.Provinces;

/**
 * The province of a bearer token's user (OIDC): the claim {@code phendau.security.province-claim}, read as the API
 * reads a province. An absent or empty claim means all provinces; a province that does not resolve is kept as it
 * is, so that it matches no dossier (closed, rather than open, on a provider's typo). Roles come from the claim that
 * {@code quarkus.oidc.roles.role-claim-path} names (application.properties sets it from phendau.security.roles-claim).
 */
@ApplicationScoped
public class TokenProvince implements SecurityIdentityAugmentor {

    private final SecurityConfig config;
    private final Provinces provinces;

    public TokenProvince(SecurityConfig config, Provinces provinces) {
        this.config = config;
        this.provinces = provinces;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(UserIdentityProvider.PROVINCE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object claim = token.getClaim(config.provinceClaim());
        // A JSON string claim comes as jakarta.json's JsonString, whose toString() keeps the quotes.
        String value = claim == null ? "" : claim instanceof jakarta.json.JsonString s ? s.getString().strip()
                : claim.toString().replaceAll("^\"|\"$", "").strip();
        if (value.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        String province = provinces.resolve(value).map(m -> m.province().name()).orElse(value);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(UserIdentityProvider.PROVINCE, province).build());
    }
}
