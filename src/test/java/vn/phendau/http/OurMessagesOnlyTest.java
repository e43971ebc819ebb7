package vn.phendau.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.phendau.Engine;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/**
 * Jackson's own messages never reach a client (issue 17, point 9): each JSON that Jackson refuses gets a message of
 * ours, in Vietnamese and in English, with no Java in it and not Jackson's English in the Vietnamese.
 */
class OurMessagesOnlyTest {

    /** Words of Jackson's messages that ours never use. */
    static final List<String> JACKSONS = List.of("exceeds", "Number value length", "StreamReadConstraints", "was expecting",
            "(code ", "`", "JsonReadFeature", "Source:", "REDACTED", "java.", "Unrecognized", "Unexpected");

    @ParameterizedTest
    @ValueSource(strings = {
            "number-1000001-digits", "{\"a\":tru}", "{\"a\":1 \"b\":2}", "{\"a\" 1}", "{a:1}", "{\"a\":[1 2]}", "{\"a\":}",
            "{\"a\":1}}", "{\"a\":[1}", "{\"a\":\"x", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":+1}", "{\"a\":\"\\q\"}",
            "{\"a\":\"\u0001\"}", "{\"a\":1,\"a\":2}", "{\"a\":1} x", "{\"a\":'x'}", "{\"a\":1e400e}"})
    void jacksonsOwnMessageNeverReachesTheClient(String body) {
        String json = body.equals("number-1000001-digits") ? "{\"a\":" + "1".repeat(1_000_001) + "}" : body;
        ProblemException e = assertThrows(ProblemException.class, () -> Engine.READER.parse(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
        for (Problem p : e.problems()) {
            for (String jackson : JACKSONS) {
                assertThat(p.message().en(), not(containsString(jackson)));
                assertThat(p.message().vi(), not(containsString(jackson)));
            }
            assertThat(p.message().vi(), not(containsString("malformed")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"number-1000001-digits"})
    void numberValueLengthExceedsIsSaidInOurWords(String attack) {
        String json = "{\"a\":" + "1".repeat(1_000_001) + "}";
        ProblemException e = assertThrows(ProblemException.class, () -> Engine.READER.parse(json.getBytes(StandardCharsets.UTF_8)));
        Problem p = e.problems().get(0);
        assertThat(attack, p.message().en(), containsString("a number with too many digits"));
        assertThat(attack, p.message().vi(), containsString("số có quá nhiều chữ số"));
    }
}
