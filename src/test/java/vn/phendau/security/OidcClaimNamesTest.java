package vn.phendau.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens with claim names of the provider's own (phendau.security.roles-claim and province-claim): the
 * roles in "realm_roles", the province in "dia_ban"; the default names then count for nothing.
 */
@QuarkusTest
@TestProfile(OidcClaimNamesTest.OtherNames.class)
class OidcClaimNamesTest extends BearerTokenContract {

    public static class OtherNames implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return provider(Map.of("phendau.security.roles-claim", "realm_roles", "phendau.security.province-claim", "dia_ban"));
        }
    }

    @Override
    String rolesClaim() {
        return "realm_roles";
    }

    @Override
    String provinceClaim() {
        return "dia_ban";
    }

    @Test
    void theDefaultClaimNamesAreNotRead() throws Exception {
        // Roles under "groups" only: no role here.
        String groupsOnly = claims("oidc-groups", "NONE", null).claim("groups", List.of("OFFICER")).jws().sign(signingKey());
        RolesTest.problem(bearer(groupsOnly).contentType("application/json")
                .body(RolesTest.proposal(RolesTest.newId(), "Lạng Sơn")).post("/api/v1/dossiers"), 403);
        // A province under "province" only: not a scope, so this officer (of all provinces by its "dia_ban") sees Cao Bằng.
        String cb = RolesTest.newId();
        As.officerCaoBang().contentType("application/json").body(RolesTest.proposal(cb, "Cao Bằng")).post("/api/v1/dossiers")
                .then().statusCode(201);
        String provinceOnly = claims("oidc-any", "OFFICER", null).claim("province", "Lạng Sơn").jws().sign(signingKey());
        Response r = bearer(provinceOnly).get("/api/v1/dossiers/" + cb);
        assertThat(r.asString(), r.statusCode(), equalTo(200));
    }
}
