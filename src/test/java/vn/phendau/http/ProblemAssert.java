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

    private final String body;
    private final JsonPath json;

    private ProblemAssert(String body) {
        this.body = body;
        this.json = JsonPath.from(body);
    }

    /** Checks the shape every problem shares and returns the answer for the specific assertions. */
    public static ProblemAssert problem(Response response, int status) {
        return problem(response.statusCode(), response.contentType(), response.asString(), status);
    }

    /** The same, for an answer read with java.net.http (requests REST Assured cannot make). */
    public static ProblemAssert problem(java.net.http.HttpResponse<String> response, int status) {
        return problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), status);
    }

    /** The same, for a whole HTTP/1.1 answer read from a socket (see {@link RawHttp}). */
    public static ProblemAssert problem(String raw, int status) {
        int end = raw.indexOf("\r\n\r\n");
        assertThat("a complete head: " + raw, end > 0, equalTo(true));
        String[] head = raw.substring(0, end).split("\r\n");
        int actual = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = "";
        for (String h : head) {
            if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                contentType = h.substring("content-type:".length()).strip();
            }
        }
        return problem(actual, contentType, raw.substring(end + 4), status);
    }

    private static ProblemAssert problem(int actualStatus, String contentType, String body, int status) {
        assertThat("status; body: " + body, actualStatus, equalTo(status));
        assertThat("Content-Type; body: " + body, contentType, startsWith("application/problem+json"));
        noStackTrace(body);
        ProblemAssert p = new ProblemAssert(body);
        assertThat(body, p.json.getInt("status"), equalTo(status));
        assertThat(body, p.json.getString("type"), notNullValue());
        assertThat(body, p.json.getString("title"), notNullValue());
        assertThat("the request's id; body: " + body, p.json.getString("instance"), startsWith("urn:phendau:request:"));
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
        assertThat(body, paths(), hasItems(paths));
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
        assertThat(body, paths(), hasItem(path));
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
        return body;
    }
}
