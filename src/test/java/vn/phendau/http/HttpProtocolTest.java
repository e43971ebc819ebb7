package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static vn.phendau.http.ProblemAssert.problem;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Size limits, media types, unknown addresses and methods: answered by the service as problem+json too. */
@QuarkusTest
class HttpProtocolTest {

    static final int LIMIT = 1024 * 1024;

    @TestHTTPResource("/api/v1/assessments")
    URI assessments;

    /** A valid proposal padded with trailing whitespace to exactly the given size. */
    static byte[] padded(int size) {
        byte[] json = Payloads.bytes("valid/minimal.json");
        byte[] out = Arrays.copyOf(json, size);
        Arrays.fill(out, json.length, size, (byte) ' ');
        return out;
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        given().contentType("application/json").body(padded(LIMIT)).when().post("/api/v1/assessments")
                .then().statusCode(200);
    }

    @Test
    void aBodyJustOverTheLimitIs413() {
        ProblemAssert p = problem(given().contentType("application/json").body(padded(LIMIT + 1))
                .when().post("/api/v1/assessments"), 413).at("$");
        assertThat(p.en("$"), containsString("limit of " + LIMIT + " bytes"));
        assertThat(p.json().getString("title"), equalTo("Content too large"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        // No Content-Length: the limit is found while reading, and reading stops there.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(assessments).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded(LIMIT + 4096)))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        ProblemAssert p = problem(response, 413).at("$");
        assertThat(p.en("$"), equalTo("the body is over the limit of " + LIMIT + " bytes"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        // An honest client announces 2 MB and waits: it gets the answer without sending a byte of the body.
        ProblemAssert p = problem(RawHttp.postHead("/api/v1/assessments", 2_000_000L), 413).at("$");
        assertThat(p.en("$"), equalTo("the body is over the limit of " + LIMIT + " bytes"));
        problem(RawHttp.postHead("/api/v1/proposals/validate", 2_000_000L), 413).at("$");
    }

    @Test
    void aDeclaredLengthOverTheHttpLayerLimitIsStillOurProblem() throws Exception {
        // Past quarkus.http.limits.max-body-size (64M) the HTTP layer itself refuses; the answer must still be ours.
        ProblemAssert p = problem(RawHttp.postHead("/api/v1/assessments", 100L * 1024 * 1024), 413).at("$");
        assertThat(p.en("$"), equalTo("the body is over the limit of " + LIMIT + " bytes"));
    }

    @Test
    void aPathThatIsNotProperlyEncodedIsRefusedByTheHttpServer() throws Exception {
        // Known limit: Vert.x refuses this request line itself (400, empty body, connection closed) before any
        // route, filter or mapper of the service can see it. At least it is a 400 and says nothing of the inside.
        String response = RawHttp.send("GET /api/v1/rules/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response, startsWith("HTTP/1.1 400"));
        ProblemAssert.noStackTrace(response);
    }

    @Test
    void aRequestWithoutHostIs400() throws Exception {
        ProblemAssert p = problem(RawHttp.send("GET /api/v1/rules HTTP/1.1\r\nConnection: close\r\n\r\n"), 400).at("$");
        assertThat(p.en("$"), containsString("'Host' header is required"));
    }

    @Test
    void textPlainIs415() {
        ProblemAssert p = problem(given().contentType("text/plain").body(Payloads.bytes("valid/minimal.json"))
                .when().post("/api/v1/assessments"), 415).at("Content-Type");
        assertThat(p.en("Content-Type"), allOf(containsString("'text/plain'"), containsString("application/json")));
        problem(given().contentType("application/xml").body("<p/>".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/proposals/validate"), 415).at("Content-Type");
    }

    @Test
    void aContentTypeThatIsNotAMediaTypeIs415() throws Exception {
        // Quarkus REST refuses this one itself (NotSupportedException) before the resource method runs.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(assessments).header("Content-Type", "garbage")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Payloads.bytes("valid/minimal.json"))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        ProblemAssert p = problem(response, 415).at("Content-Type");
        assertThat(p.en("Content-Type"), equalTo("content type 'garbage' is not supported; send application/json"));
    }

    @Test
    void noContentTypeIs415() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(assessments)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Payloads.bytes("valid/minimal.json"))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        ProblemAssert p = problem(response, 415).at("Content-Type");
        assertThat(p.en("Content-Type"), equalTo("content type '(none)' is not supported; send application/json"));

        problem(given().noContentType().body(Payloads.bytes("valid/minimal.json")).when().post("/api/v1/assessments"), 415)
                .at("Content-Type");
    }

    @Test
    void aCompressedBodyIs415() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(Payloads.bytes("valid/minimal.json"));
        }
        ProblemAssert p = problem(given().contentType("application/json").header("Content-Encoding", "gzip")
                .body(zipped.toByteArray()).when().post("/api/v1/assessments"), 415).at("Content-Encoding");
        assertThat(p.en("Content-Encoding"), equalTo("content coding 'gzip' is not supported; send uncompressed JSON"));
        given().contentType("application/json").header("Content-Encoding", "identity").body(Payloads.bytes("valid/minimal.json"))
                .when().post("/api/v1/assessments").then().statusCode(200);
    }

    @Test
    void jsonWithACharsetOrAPlusJsonTypeIsAccepted() {
        given().contentType("application/json; charset=UTF-8").body(Payloads.bytes("valid/minimal.json"))
                .when().post("/api/v1/assessments").then().statusCode(200);
        given().contentType("application/vnd.phendau.proposal+json").body(Payloads.bytes("valid/minimal.json"))
                .when().post("/api/v1/proposals/validate").then().statusCode(200);
    }

    @Test
    void unknownRuleIs404() {
        ProblemAssert p = problem(given().when().get("/api/v1/rules/NOPE"), 404).at("ruleId");
        assertThat(p.en("ruleId"), containsString("no rule 'NOPE'"));
    }

    @Test
    void unknownParagraphIs404() {
        ProblemAssert p = problem(given().when().get("/api/v1/legal/23-NQ-CP/paragraphs/IX.9"), 404).at("id");
        assertThat(p.en("id"), containsString("no paragraph 'IX.9'"));
    }

    @Test
    void unknownPathIs404() {
        problem(given().when().get("/api/v1/nope"), 404).at("$");
        problem(given().when().get("/api/v2/assessments"), 404).at("$");
        problem(given().when().get("/nope"), 404).at("$");
        problem(given().accept("text/html").when().get("/nope/deeper"), 404).at("$");
        problem(given().contentType("application/json").body(Payloads.bytes("valid/minimal.json"))
                .when().post("/api/v1/assessment"), 404).at("$");
    }

    @Test
    void wrongMethodIs405() {
        ProblemAssert p = problem(given().when().get("/api/v1/assessments"), 405).at("$");
        assertThat(p.en("$"), equalTo("this address does not accept that method; use POST"));
        assertThat(p.vi("$"), equalTo("địa chỉ này không nhận phương thức đã gửi; hãy dùng POST"));
        assertThat(problem(given().when().delete("/api/v1/rules/URG-1.remote"), 405).en("$"), containsString("; use GET"));
        given().when().get("/api/v1/assessments").then().header("Allow", equalTo("OPTIONS, POST"));
        given().when().delete("/api/v1/rules/URG-1.remote").then().header("Allow", equalTo("GET, HEAD, OPTIONS"));
        given().when().put("/api/v1/assessments/batch/").then().header("Allow", equalTo("OPTIONS, POST"));
        problem(given().when().delete("/api/v1/rules"), 405).at("$");
    }
}
