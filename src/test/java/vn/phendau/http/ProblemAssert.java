package vn.phendau.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** What every error answer of the service must look like: RFC 9457 problem+json, bilingual, paths, no stack trace. */
public final class ProblemAssert {

    private final Response response;
    private final JsonPath json;

    private ProblemAssert(Response response) {
        this.response = response;
        this.json = response.jsonPath();
    }

    /** Checks the shape every problem shares and returns the answer for the specific assertions. */
    public static ProblemAssert problem(Response response, int status) {
        String body = response.asString();
        assertThat("status; body: " + body, response.statusCode(), equalTo(status));
        assertThat("Content-Type; body: " + body, response.contentType(), startsWith("application/problem+json"));
        noStackTrace(body);
        ProblemAssert p = new ProblemAssert(response);
        assertThat(body, p.json.getInt("status"), equalTo(status));
        assertThat(body, p.json.getString("type"), notNullValue());
        assertThat(body, p.json.getString("title"), notNullValue());
        List<Map<String, Object>> problems = p.json.getList("problems");
        assertThat("problems; body: " + body, problems, notNullValue());
        assertThat("at least one problem; body: " + body, problems.isEmpty(), equalTo(false));
        for (int i = 0; i < problems.size(); i++) {
            assertThat(body, p.json.getString("problems[" + i + "].path"), notNullValue());
            String vi = p.json.getString("problems[" + i + "].message.vi");
            String en = p.json.getString("problems[" + i + "].message.en");
            assertThat("problems[" + i + "].message.vi; body: " + body, vi != null && !vi.isBlank(), equalTo(true));
            assertThat("problems[" + i + "].message.en; body: " + body, en != null && !en.isBlank(), equalTo(true));
        }
        return p;
    }

    public static void noStackTrace(String body) {
        assertThat(body, not(containsString("at vn.")));
        assertThat(body, not(containsString("at java.")));
        assertThat(body, not(containsString("at io.")));
        assertThat(body, not(containsString("at org.")));
        assertThat(body, not(containsString("Exception")));
        assertThat(body, not(containsString("\tat ")));
    }

    public List<String> paths() {
        return json.getList("problems.path", String.class);
    }

    /** Every one of these paths has a problem. */
    public ProblemAssert at(String... paths) {
        assertThat(response.asString(), paths(), hasItems(paths));
        return this;
    }

    /** The English message of the (first) problem at the path. */
    public String en(String path) {
        return message(path, "en");
    }

    public String vi(String path) {
        return message(path, "vi");
    }

    private String message(String path, String lang) {
        assertThat(response.asString(), paths(), hasItem(path));
        List<Map<String, Object>> problems = json.getList("problems");
        for (Map<String, Object> p : problems) {
            if (path.equals(p.get("path"))) {
                @SuppressWarnings("unchecked")
                Map<String, String> message = (Map<String, String>) p.get("message");
                return message.get(lang);
            }
        }
        throw new AssertionError("no problem at " + path);
    }

    public JsonPath json() {
        return json;
    }

    public String body() {
        return response.asString();
    }
}
