package vn.phendau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** phendau.security.require-sign-in=true: the public endpoints and pages need a signed-in user as well. */
@QuarkusTest
@TestProfile(RequireSignInTest.SignInRequired.class)
class RequireSignInTest {

    public static class SignInRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phendau.security.require-sign-in", "true");
        }
    }

    @Test
    void thePublicEndpointsNeedASignedInUser() throws Exception {
        RolesTest.problem(given().get("/api/v1/rules"), 401);
        RolesTest.problem(given().contentType("application/json").body(RolesTest.proposal("P-1", "Lạng Sơn"))
                .post("/api/v1/assessments"), 401);
        Response page = given().redirects().follow(false).get("/assess");
        assertThat(page.statusCode(), equalTo(303));
        assertThat(page.header("Location"), containsString("/login"));

        As.auditor().get("/api/v1/rules").then().statusCode(200);
        As.officer().contentType("application/json").body(RolesTest.proposal("P-1", "Lạng Sơn")).post("/api/v1/assessments")
                .then().statusCode(200);
        given().get("/login").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }
}
