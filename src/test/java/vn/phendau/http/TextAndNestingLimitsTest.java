package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static vn.phendau.http.ProblemAssert.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.phendau.batch.Fixtures;

/**
 * phendau.limits.string-chars and phendau.limits.nesting-depth are configuration: with small ones, a text one
 * character over or a structure one level too deep is refused at its path, in a single proposal and in a list of
 * each format (where it is that item's problem), and one character or level less passes.
 */
@QuarkusTest
@TestProfile(TextAndNestingLimitsTest.SmallTexts.class)
class TextAndNestingLimitsTest {

    static final int CHARS = 40;
    static final int DEPTH = 6;
    static final String BATCH = "/api/v1/assessments/batch";

    public static class SmallTexts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phendau.limits.string-chars", String.valueOf(CHARS), "phendau.limits.nesting-depth", String.valueOf(DEPTH));
        }
    }

    static String proposal(String id, String name, String extra) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"location\":{\"province\":\"Lạng Sơn\"},\"sector\":\"TRANSPORT\","
                + "\"investment\":{\"totalVnd\":50000000000}" + extra + "}";
    }

    static Response post(String path, String type, byte[] body) {
        return given().contentType(type).accept("application/json").body(body).when().post(path);
    }

    static Response assess(String json) {
        return post("/api/v1/assessments", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Vietnamese letters of two or three UTF-8 bytes each: the limit counts characters, not bytes. */
    static String text(int chars) {
        return "Đường".repeat(chars / 5 + 1).substring(0, chars);
    }

    @Test
    void aTextAtTheLimitPassesAndOneCharacterMoreIsRefusedAtItsPath() {
        assess(proposal("T-1", text(CHARS), "")).then().statusCode(200);
        ProblemAssert p = problem(assess(proposal("T-1", text(CHARS + 1), "")), 400);
        assertThat(p.paths(), contains("name"));
        assertThat(p.en("name"), equalTo("longer than the limit of " + CHARS + " characters"));
        assertThat(p.vi("name"), equalTo("dài hơn giới hạn " + CHARS + " ký tự"));
        // Characters are code points, as the schema's maxLength counts them: 40 emoji are 80 UTF-16 units.
        assess(proposal("T-1", "\uD83D\uDEA7".repeat(CHARS), "")).then().statusCode(200);
        assertThat(problem(assess(proposal("T-1", "\uD83D\uDEA7".repeat(CHARS + 1), "")), 400).paths(), contains("name"));
    }

    @Test
    void theLimitHoldsForEveryTextEvenWhereTheSchemaAllowsMore() {
        // description may have 20,000 characters by the schema; the configured limit is lower and holds.
        assertThat(problem(assess(proposal("T-2", "x", ",\"description\":\"" + text(CHARS + 1) + "\"")), 400).paths(),
                contains("description"));
        assertThat(problem(assess(proposal("T-2", "x", ",\"location2\":{\"a\":[\"" + text(CHARS + 1) + "\"]}")), 400).paths(),
                contains("location2.a[0]"));
        ProblemAssert name = problem(assess(proposal("T-2", "x", ",\"" + "k".repeat(CHARS + 1) + "\":1")), 400);
        assertThat(name.paths(), contains("$"));
        assertThat(name.en("$"), equalTo("holds a field name of " + (CHARS + 1) + " characters, over the limit of " + CHARS));
    }

    @Test
    void nestingAtTheLimitPassesToTheSchemaAndOneLevelMoreIsRefusedAtItsPath() {
        // The proposal is level 1, the unknown field's arrays levels 2 to 6: within the limit, so the schema
        // speaks (an unknown field).
        String within = "[".repeat(DEPTH - 1) + "]".repeat(DEPTH - 1);
        assertThat(problem(assess(proposal("N-1", "x", ",\"x\":" + within)), 400).paths(), contains("x"));
        String past = "[".repeat(DEPTH) + "]".repeat(DEPTH);
        ProblemAssert p = problem(assess(proposal("N-1", "x", ",\"x\":" + past)), 400);
        String at = "x" + "[0]".repeat(DEPTH - 1);
        assertThat(p.paths(), contains(at));
        assertThat(p.en(at), equalTo("nested deeper than the limit of " + DEPTH + " levels of objects and arrays"));
        // Deep objects too, and 10,000 levels are refused the same way, at level 7.
        assertThat(problem(assess(proposal("N-1", "x", ",\"x\":" + "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH))), 400).paths(),
                contains("x" + ".a".repeat(DEPTH - 1)));
        assertThat(problem(assess("[".repeat(10_000) + "]".repeat(10_000)), 400).paths(), contains("[0]".repeat(DEPTH)));
        assess(proposal("N-2", "x", "")).then().statusCode(200);
    }

    // ---- lists: the item's problem, the other items assessed ----------------------------------------------------

    private static void onlyTheMiddleItemIsRefused(Response r, String path) {
        JsonPath a = r.then().statusCode(200).extract().jsonPath();
        assertThat(a.getInt("summary.total"), equalTo(3));
        assertThat(a.getList("errors.index", Integer.class), contains(1));
        assertThat(a.getList("errors[0].problems.path", String.class), contains(path));
        List<Integer> results = a.getList("results.index", Integer.class);
        assertThat(results, equalTo(List.of(0, 2)));
    }

    @Test
    void aLongTextInAJsonListIsThatItemsProblem() {
        String list = "[" + proposal("A", "a", "") + "," + proposal("B", text(CHARS + 1), "") + "," + proposal("C", "c", "") + "]";
        onlyTheMiddleItemIsRefused(post(BATCH, "application/json", list.getBytes(StandardCharsets.UTF_8)), "name");
    }

    @Test
    void aLongCellInACsvOrExcelListIsThatRowsProblem() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Fixtures.minimal("A", "a", 50_000_000_000L));
        rows.add(Fixtures.minimal("B", text(CHARS + 1), 50_000_000_000L));
        rows.add(Fixtures.minimal("C", text(CHARS), 50_000_000_000L));
        StringBuilder csv = new StringBuilder(String.join(",", Fixtures.MINIMAL)).append("\r\n");
        rows.forEach(r -> csv.append(String.join(",", r.stream().map(String::valueOf).toList())).append("\r\n"));
        onlyTheMiddleItemIsRefused(post(BATCH, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)), "name");
        onlyTheMiddleItemIsRefused(post(BATCH, Fixtures.XLSX, Fixtures.xlsx(Fixtures.MINIMAL, rows)), "name");
    }

    @Test
    void aJsonListItemNestedTooDeepIsThatItemsProblem() {
        String deep = "[".repeat(DEPTH) + "]".repeat(DEPTH);
        String list = "[" + proposal("A", "a", "") + "," + proposal("B", "b", ",\"x\":" + deep) + "," + proposal("C", "c", "") + "]";
        Response r = post(BATCH, "application/json", list.getBytes(StandardCharsets.UTF_8));
        onlyTheMiddleItemIsRefused(r, "x" + "[0]".repeat(DEPTH - 1));
        assertThat(r.jsonPath().getString("errors[0].problems[0].message.en"),
                equalTo("nested deeper than the limit of " + DEPTH + " levels of objects and arrays"));
        // Within the limit, the list reads on past the item (its unknown field is its own problem).
        String within = "[".repeat(DEPTH - 1) + "]".repeat(DEPTH - 1);
        String ok = "[" + proposal("A", "a", "") + "," + proposal("B", "b", ",\"x\":" + within) + "," + proposal("C", "c", "") + "]";
        onlyTheMiddleItemIsRefused(post(BATCH, "application/json", ok.getBytes(StandardCharsets.UTF_8)), "x");
    }
}
