package vn.phendau.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** OIDC bearer tokens with the default claim names: roles in "groups", the province in "province". */
@QuarkusTest
@TestProfile(OidcBearerTest.Provider.class)
class OidcBearerTest extends BearerTokenContract {

    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return provider(Map.of());
        }
    }

    @Override
    String rolesClaim() {
        return "groups";
    }

    @Override
    String provinceClaim() {
        return "province";
    }
}
