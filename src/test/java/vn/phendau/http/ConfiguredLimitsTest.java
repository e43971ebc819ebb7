package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static vn.phendau.http.ProblemAssert.problem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The limits are configuration: with small ones, every way a body can be too large meets the configured number. */
@QuarkusTest
@TestProfile(ConfiguredLimitsTest.SmallLimits.class)
class ConfiguredLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phendau.limits.body-bytes", "1000", "quarkus.http.limits.max-body-size", "10K");
        }
    }

    @TestHTTPResource("/api/v1/assessments")
    URI assessments;

    @Test
    void aSmallProposalStillPasses() {
        assertThat(Payloads.bytes("valid/minimal.json").length < 1000, equalTo(true));
        given().contentType("application/json").body(Payloads.bytes("valid/minimal.json"))
                .when().post("/api/v1/assessments").then().statusCode(200);
    }

    @Test
    void theSampleIsOverAThousandBytes() {
        assertThat(Payloads.sample().length, greaterThan(1000));
        ProblemAssert p = problem(given().contentType("application/json").body(Payloads.sample())
                .when().post("/api/v1/assessments"), 413).at("$");
        assertThat(p.en("$"), equalTo("the body is over the limit of 1000 bytes"));
    }

    @Test
    void chunkedOverTheConfiguredLimit() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(assessments).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(Payloads.sample()))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        ProblemAssert p = problem(response, 413).at("$");
        assertThat(p.en("$"), equalTo("the body is over the limit of 1000 bytes"));
    }

    @Test
    void pastTheHttpLayerLimitTheAnswerNamesTheLimitOfTheAddress() throws Exception {
        ProblemAssert single = problem(RawHttp.postHead("/api/v1/assessments", 20_000), 413).at("$");
        assertThat(single.en("$"), equalTo("the body is over the limit of 1000 bytes"));
        ProblemAssert other = problem(RawHttp.postHead("/api/v1/rules", 20_000), 413).at("$");
        assertThat(other.en("$"), equalTo("the body is over the limit of 10240 bytes"));
    }
}
