package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static vn.phendau.http.ProblemAssert.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One test per class of client mistake in a single proposal: each gets a 4xx problem+json naming the bad field. */
@QuarkusTest
class ClientProblemsTest {

    static final String ASSESS = "/api/v1/assessments";

    static Response post(byte[] body) {
        return given().contentType("application/json").body(body).when().post(ASSESS);
    }

    static Response post(String file) {
        return post(Payloads.bytes(file));
    }

    @Test
    void malformedJsonSaysLineAndColumn() {
        ProblemAssert p = problem(post("invalid/malformed.json"), 400).at("$");
        assertThat(p.en("$"), allOf(containsString("malformed JSON"), containsString("line 3"), containsString("column")));
        assertThat(p.vi("$"), allOf(containsString("dòng 3"), containsString("cột")));
        assertThat(p.en("$"), containsString("unrecognized token 'Đường': expected a string, number"));
        assertThat(p.json().getString("title"), equalTo("Invalid project proposal"));
    }

    @Test
    void truncatedJson() {
        ProblemAssert p = problem(post("invalid/truncated.json"), 400).at("$");
        assertThat(p.en("$"), allOf(containsString("malformed JSON"), containsString("line 4"), containsString("the JSON ends")));
    }

    @Test
    void trailingContentAfterTheObject() {
        ProblemAssert p = problem(post("{\"id\": \"A\"} {\"id\": \"B\"}".getBytes(StandardCharsets.UTF_8)), 400).at("$");
        assertThat(p.en("$"), allOf(containsString("more content after the JSON value"), not(containsString("`"))));
    }

    @Test
    void nestingTooDeep() {
        // phendau.limits.nesting-depth, 32 by default: the 33rd array is the first too deep, named by its path.
        byte[] deep = ("[".repeat(1500) + "]".repeat(1500)).getBytes(StandardCharsets.UTF_8);
        String at = "[0]".repeat(32);
        ProblemAssert p = problem(post(deep), 400).at(at);
        assertThat(p.en(at), equalTo("nested deeper than the limit of 32 levels of objects and arrays"));
    }

    @Test
    void notUtf8() {
        byte[] broken = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        ProblemAssert p = problem(post(broken), 400).at("$");
        assertThat(p.en("$"), equalTo("the body is not UTF-8 (line 1, column 8): byte 0xFF"));
        // JSON is UTF-8 (API.md); UTF-16 is refused, not guessed.
        problem(post("{\"id\": \"Lạng Sơn\"}".getBytes(StandardCharsets.UTF_16LE)), 400).at("$");
    }

    @Test
    void aUtf8ByteOrderMarkIsTolerated() {
        byte[] json = Payloads.bytes("valid/minimal.json");
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        post(withBom).then().statusCode(200);
    }

    @Test
    void aDateThatIsNotAFullDate() {
        ProblemAssert p = problem(post("invalid/extended-year-date.json"), 400).at("assessmentDate");
        assertThat(p.en("assessmentDate"), containsString("must be a date as YYYY-MM-DD, got '+99999-01-01'"));
    }

    @Test
    void wrongTypes() {
        ProblemAssert p = problem(post("invalid/wrong-types.json"), 400)
                .at("investment.totalVnd", "location.communes", "location.inBorderBelt", "schedule.startYear");
        assertThat(p.en("investment.totalVnd"), allOf(containsString("must be an integer"), containsString("'95000000000'")));
        assertThat(p.en("location.communes"), containsString("must be a JSON array"));
        assertThat(p.en("location.inBorderBelt"), containsString("true or false"));
        assertThat(p.paths().size(), equalTo(4));
    }

    @Test
    void aNumberTooLargeForItsFieldIsReportedAtTheField() {
        // The schema sets no maximum on beneficiaries.population; the service still cannot hold 3 000 000 000.
        ProblemAssert p = problem(post("invalid/count-too-large.json"), 400).at("beneficiaries.population");
        assertThat(p.en("beneficiaries.population"), equalTo("number too large; at most 2147483647"));
    }

    @Test
    void aBodyThatIsNotAnObject() {
        problem(post("[1, 2]".getBytes(StandardCharsets.UTF_8)), 400).at("$");
        problem(post("\"Lạng Sơn\"".getBytes(StandardCharsets.UTF_8)), 400).at("$");
        problem(post("null".getBytes(StandardCharsets.UTF_8)), 400).at("$");
    }

    @Test
    void missingRequiredFieldsAreEachReported() {
        ProblemAssert p = problem(post("invalid/missing-required.json"), 400)
                .at("id", "name", "sector", "location.province", "investment.totalVnd");
        assertThat(p.en("id"), equalTo("required field is missing"));
        assertThat(p.vi("id"), equalTo("trường bắt buộc bị thiếu"));
        assertThat(p.paths().size(), equalTo(5));
        assertThat(p.json().getString("detail"), equalTo("5 problems"));
    }

    @Test
    void unknownFieldsSuggestTheNearestKnownOne() {
        ProblemAssert p = problem(post("invalid/unknown-fields.json"), 400)
                .at("location.provnce", "investment.totlVnd", "shedule");
        // A misspelt required field is one mistake, told once: not also "required field is missing".
        assertThat(p.paths(), equalTo(java.util.List.of("location.provnce", "investment.totlVnd", "shedule")));
        assertThat(p.en("location.provnce"), containsString("did you mean 'province'?"));
        assertThat(p.vi("location.provnce"), containsString("có phải ý bạn là 'province'?"));
        assertThat(p.en("investment.totlVnd"), containsString("did you mean 'totalVnd'?"));
        assertThat(p.en("shedule"), containsString("did you mean 'schedule'?"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        ProblemAssert p = problem(post("invalid/unknown-enum.json"), 400).at("sector");
        assertThat(p.en("sector"), allOf(containsString("'TRANSPOT' is not an allowed value"),
                containsString("did you mean 'TRANSPORT'?"), containsString("Allowed: TRANSPORT, BORDER_GATE"),
                containsString("BORDER_DEFENSE"), containsString("OTHER")));
        assertThat(p.vi("sector"), containsString("Các giá trị cho phép"));
        assertThat(p.paths().size(), equalTo(1));

        // With no near value, a full stop still parts the message from the list.
        ProblemAssert far = problem(post(new String(Payloads.bytes("invalid/unknown-enum.json"), StandardCharsets.UTF_8)
                .replace("TRANSPOT", "XYZXYZXYZXYZ").getBytes(StandardCharsets.UTF_8)), 400).at("sector");
        assertThat(far.en("sector"), startsWith("'XYZXYZXYZXYZ' is not an allowed value. Allowed: TRANSPORT, "));
        assertThat(far.vi("sector"), startsWith("giá trị 'XYZXYZXYZXYZ' không hợp lệ. Các giá trị cho phép: TRANSPORT, "));
    }

    @Test
    void unknownProvinceSuggestsTheNearestNames() {
        ProblemAssert p = problem(post("invalid/unknown-province.json"), 400).at("location.province");
        assertThat(p.en("location.province"), allOf(containsString("unknown province 'Lang Sn'"), containsString("Lạng Sơn")));
        assertThat(p.vi("location.province"), containsString("Lạng Sơn"));
    }

    @Test
    void zeroTotalInvestment() {
        ProblemAssert p = problem(post("invalid/zero-total.json"), 400).at("investment.totalVnd");
        assertThat(p.en("investment.totalVnd"), equalTo("must be greater than 0"));
        assertThat(p.vi("investment.totalVnd"), equalTo("phải lớn hơn 0"));
    }

    @Test
    void negativeTotalInvestment() {
        ProblemAssert p = problem(post("invalid/negative-total.json"), 400).at("investment.totalVnd");
        assertThat(p.en("investment.totalVnd"), equalTo("must be greater than 0"));
    }

    @Test
    void endYearBeforeStartYear() {
        ProblemAssert p = problem(post("invalid/end-before-start.json"), 400).at("schedule.endYear");
        assertThat(p.en("schedule.endYear"), equalTo("end year 2026 is before start year 2028"));
    }

    @Test
    void duplicateKeysAreRefused() {
        ProblemAssert p = problem(post("invalid/duplicate-keys.json"), 400);
        assertThat(p.paths().size(), equalTo(1));
        String path = p.paths().get(0);
        assertThat(p.en(path), allOf(containsString("duplicate field 'province'"), containsString("line 4")));
        assertThat(path, equalTo("location.province"));

        ProblemAssert inList = problem(post("invalid/duplicate-keys-in-list.json"), 400).at("location.communes[1].name");
        assertThat(inList.en("location.communes[1].name"), containsString("duplicate field 'name'"));
    }

    @Test
    void emptyBody() {
        ProblemAssert p = problem(post(new byte[0]), 400).at("$");
        assertThat(p.en("$"), equalTo("the request body is empty"));
        problem(post("  \n ".getBytes(StandardCharsets.UTF_8)), 400).at("$");
    }

    @Test
    void severalProblemsAreAllReportedAtOnce() {
        ProblemAssert p = problem(post("invalid/several-problems.json"), 400);
        assertThat(p.body(), p.paths(), hasItems("name", "location.province", "location.distanceToBorderKm", "sector",
                "investment.totalVnd", "investment.investorCountry", "schedule.endYear", "linkages[1]", "urgency.levl"));
        assertThat(p.json().getString("detail"), equalTo(p.paths().size() + " problems"));
    }

    @Test
    void validateAnswersTheSameProblems() {
        problem(given().contentType("application/json").body(Payloads.bytes("invalid/several-problems.json"))
                .when().post("/api/v1/proposals/validate"), 400).at("sector", "investment.totalVnd", "schedule.endYear");
    }
}
