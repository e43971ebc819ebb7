package vn.phendau.batch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.phendau.http.Limits;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.proposal.ProposalReader;
import vn.phendau.reference.ProjectGroups;
import vn.phendau.reference.Provinces;

/**
 * A JSON list read element by element: a broken element is that item's error and the items after it are still
 * read; only a string or bracket left open to the end of the input ends the list. Small limits (nesting 6 levels,
 * an element 2,000 bytes) so that going past them is cheap.
 */
@Timeout(120)  // a scanner that loses its place loops rather than fails
class JsonItemReaderTest {

    static final int DEPTH = 6;
    static final int BYTES = 2_000;
    static final ProposalReader READER = new ProposalReader(new Provinces(), new ProjectGroups(),
            new SmallRyeConfigBuilder().withMapping(Limits.class)
                    .withDefaultValue("phendau.limits.nesting-depth", String.valueOf(DEPTH))
                    .withDefaultValue("phendau.limits.body-bytes", String.valueOf(BYTES))
                    .build().getConfigMapping(Limits.class));
    static final String FROM_HERE_ON = "the list cannot be read from here on";

    static String p(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Đường tuần tra " + id + "\",\"location\":{\"province\":\"Lạng Sơn\"},"
                + "\"sector\":\"TRANSPORT\",\"investment\":{\"totalVnd\":50000000000}}";
    }

    static List<BatchItem> items(String list) {
        byte[] bytes = list.getBytes(StandardCharsets.UTF_8);
        List<BatchItem> out = read(new ByteArrayInputStream(bytes));
        try {
            assertEquals(out.size(), JsonItemReader.count(new ByteArrayInputStream(bytes)), "counted as read");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Read a few bytes at a time, every element, string and escape is cut somewhere: the same items.
        assertEquals(out.toString(), read(new Trickle(bytes)).toString(), "the same read in pieces");
        for (int i = 0; i < out.size(); i++) {
            assertEquals(i, out.get(i).index(), "each element one item, in order");
        }
        return out;
    }

    static List<BatchItem> read(java.io.InputStream in) {
        List<BatchItem> out = new ArrayList<>();
        try (JsonItemReader r = new JsonItemReader(in, READER)) {
            r.forEachRemaining(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A stream that gives 1 to 5 bytes a read. */
    static final class Trickle extends ByteArrayInputStream {
        private int n;

        Trickle(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1 + (n++ % 5)));
        }
    }

    /** The ids read, and "!" for an item with problems. */
    static List<String> ids(List<BatchItem> items) {
        return items.stream().map(i -> i.problems().isEmpty() ? i.node().path("id").asText() : "!").toList();
    }

    static Problem only(BatchItem item) {
        assertEquals(1, item.problems().size(), item.problems()::toString);
        return item.problems().get(0);
    }

    /** Where the whole list, parsed as one document, first breaks: the line and column the item's error must name. */
    static String whereTheListBreaks(String list) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(list.getBytes(StandardCharsets.UTF_8))) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return "(line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        throw new AssertionError("the list is not broken");
    }

    @Test
    void aBrokenMiddleItemIsItsOwnErrorAndTheItemsAroundItAreRead() throws IOException {
        String list = "[" + p("A") + ",\n  {\"id\":\"B\",\"x\": tru},\n" + p("C") + "]";
        List<BatchItem> items = items(list);
        assertEquals(List.of("A", "!", "C"), ids(items));
        Problem b = only(items.get(1));
        assertEquals("$", b.path());
        assertThat(b.message().en(), startsWith("malformed JSON " + whereTheListBreaks(list) + ": unrecognized token 'tru'"));
        assertThat(b.message().en(), not(containsString(FROM_HERE_ON)));
        assertThat(b.message().vi(), startsWith("JSON không hợp lệ (dòng 2, cột"));
    }

    @Test
    void twoBrokenItemsAreTwoErrorsAndEveryOtherItemIsRead() throws IOException {
        String missingComma = "{\"id\":\"B\" \"name\":\"b\"}";
        String badNumber = "{\"id\":\"D\",\"investment\":{\"totalVnd\":01}}";
        String list = "[" + p("A") + "," + missingComma + "," + p("C") + ",\r\n" + badNumber + "," + p("E") + "]";
        List<BatchItem> items = items(list);
        assertEquals(List.of("A", "!", "C", "!", "E"), ids(items));
        assertThat(only(items.get(1)).message().en(), startsWith("malformed JSON " + whereTheListBreaks(list)));
        assertThat(only(items.get(1)).message().en(), containsString("expected a comma"));
        // The second break is where the list would break once the first is mended.
        String mended = list.replace(missingComma, "{\"id\":\"B\", \"name\":\"b\"}");
        assertThat(only(items.get(3)).message().en(), startsWith("malformed JSON " + whereTheListBreaks(mended)));
        assertThat(only(items.get(3)).message().en(), containsString("an invalid JSON number"));
    }

    @Test
    void anUnterminatedStringEndsTheListAsOneErrorAtThatItem() {
        List<BatchItem> items = items("[" + p("A") + ",{\"id\":\"B\",\"name\":\"b}," + p("C") + "," + p("D") + "]");
        assertEquals(List.of("A", "!"), ids(items));
        assertThat(only(items.get(1)).message().en(), endsWith("; " + FROM_HERE_ON));
        assertThat(only(items.get(1)).message().vi(), endsWith("; không đọc được các mục từ đây trở đi"));
        // An object left open to the end: the same, and the parser's "start marker" is the list's line and column.
        Problem open = only(items("[" + p("A") + ",\n {\"id\":\"B\",\"x\":[1,2]").get(1));
        assertThat(open.message().en(), containsString("the object opened at line 2, column 2 is closed"));
        assertThat(open.message().en(), endsWith(FROM_HERE_ON));
    }

    @Test
    void aStrayClosingBracketIsThatItemsErrorAndTheListReadsOn() {
        List<BatchItem> items = items("[" + p("A") + "," + "{\"id\":\"B\"}}" + "," + "{\"id\":\"C\",\"x\":[1]]}" + "," + p("D") + "]");
        assertEquals(List.of("A", "!", "!", "D"), ids(items));
        assertThat(only(items.get(1)).message().en(), containsString("unexpected close marker '}'"));
        assertThat(only(items.get(2)).message().en(), containsString("unexpected close marker ']'"));
        // A bracket that closes the array early leaves the rest as content after it: the rest is one error.
        List<BatchItem> early = items("[" + p("A") + "]," + p("B") + "]");
        assertEquals(List.of("A", "!"), ids(early));
        assertEquals("there is content after the JSON array", only(early.get(1)).message().en());
    }

    @Test
    void aBraceLeftOpenInAnItemSaysTheRestCannotBeRead() {
        // B lacks its '}': the list's own ']' closes it, so B runs on to the end. That is said, not taken for
        // a list that merely lacks its closing bracket.
        List<BatchItem> items = items("[" + p("A") + ",\n {\"id\":\"B\",\n " + p("C") + ",\n " + p("D") + "\n]");
        assertEquals(List.of("A", "!"), ids(items));
        assertThat(only(items.get(1)).message().en(), containsString(FROM_HERE_ON));
    }

    @Test
    void aListInUtf16IsRefusedAsNotUtf8() {
        ProblemException e = assertThrows(ProblemException.class, () -> new JsonItemReader(
                new ByteArrayInputStream(("[" + p("A") + "]").getBytes(StandardCharsets.UTF_16BE)), READER));
        assertEquals(400, e.status());
        assertThat(e.problems().get(0).message().en(), containsString("encoded in UTF-8"));
    }

    @Test
    void nestingPastTheLimitInOneItemIsThatItemsErrorAtItsPath() {
        String past = "[".repeat(DEPTH) + "]".repeat(DEPTH);
        String deep = "{\"id\":\"C\",\"x\":" + "[".repeat(900) + "]".repeat(900) + "}";
        List<BatchItem> items = items("[" + p("A") + "," + p("B").replace("}}", "},\"x\":" + past + "}") + "," + deep + "," + p("D") + "]");
        assertEquals(List.of("A", "!", "!", "D"), ids(items));
        for (BatchItem b : items.subList(1, 3)) {
            Problem nested = only(b);
            assertEquals("x" + "[0]".repeat(DEPTH - 1), nested.path());
            assertEquals("nested deeper than the limit of " + DEPTH + " levels of objects and arrays", nested.message().en());
        }
        // One level less is within the limit: read (the unknown field is for the schema, after reading).
        String within = "[".repeat(DEPTH - 1) + "]".repeat(DEPTH - 1);
        assertEquals(List.of("B"), ids(items("[" + p("B").replace("}}", "},\"x\":" + within + "}") + "]")));
    }

    @Test
    void anElementOverTheSizeLimitIsThatItemsErrorAndIsNotHeld() throws IOException {
        String big = p("B").replace("}}", "},\"description\":\"" + "x".repeat(BYTES) + "\"}");
        List<BatchItem> items = items("[" + p("A") + "," + big + "," + p("C") + "]");
        assertEquals(List.of("A", "!", "C"), ids(items));
        int size = big.getBytes(StandardCharsets.UTF_8).length;
        assertEquals("the item is " + size + " bytes, over the limit of " + BYTES + " bytes for one proposal", only(items.get(1)).message().en());
        // Skipped, not held: a 5 MB element leaves the element's buffer as small as it was.
        String huge = "[" + p("A") + ",{\"d\":\"" + "x".repeat(5 << 20) + "\"}," + p("C") + "]";
        try (JsonElements e = new JsonElements(new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)), BYTES)) {
            e.opens();
            int held = 0;
            while (e.next()) {
                held = Math.max(held, e.bytes().length);
            }
            assertThat(held, lessThan(4 * BYTES + 16_384));
        }
    }

    @Test
    void theEndOfTheListEmptyListsAndWhatFollowsTheArray() {
        assertEquals(List.of(), ids(items("[]")));
        assertEquals(List.of(), ids(items("\uFEFF \r\n[ \n\t]\n")));
        assertEquals(List.of("A"), ids(items("[" + p("A") + "]  \n")));
        // Cut after a whole item: the item is read, then one error says the bracket is missing.
        List<BatchItem> cut = items("[" + p("A") + ",\n" + p("B"));
        assertEquals(List.of("A", "B", "!"), ids(cut));
        assertEquals("malformed JSON (line 2, column " + (p("B").getBytes(StandardCharsets.UTF_8).length + 1)
                + "): the list ends without the ']' that closes it", only(cut.get(2)).message().en());
        assertEquals(List.of("A", "!"), ids(items("[" + p("A") + ",")));
        assertEquals(List.of("!"), ids(items("[ ")));
        // An item missing between commas, or after the last one: its own error, the list reads on.
        List<BatchItem> missing = items("[" + p("A") + ", ," + p("C") + ",]");
        assertEquals(List.of("A", "!", "C", "!"), ids(missing));
        assertThat(only(missing.get(1)).message().en(), containsString("unexpected character ',': expected a value"));
        assertThat(only(missing.get(3)).message().en(), containsString("unexpected character ']': expected a value"));
        List<BatchItem> after = items("[" + p("A") + "] x");
        assertEquals(List.of("A", "!"), ids(after));
        assertEquals("there is content after the JSON array", only(after.get(1)).message().en());
        assertEquals(List.of("A", "!"), ids(items("[" + p("A") + "][" + p("B") + "]")));
    }

    @Test
    void notAListIsRefusedWhole() {
        for (String body : new String[] {"", "  ", p("A"), "{\"items\":[]}", "<<<>>>", "\"[\""}) {
            ProblemException e = assertThrows(ProblemException.class, () -> items(body), body);
            assertEquals(400, e.status());
            assertEquals("$", e.problems().get(0).path());
        }
        assertThat(assertThrows(ProblemException.class, () -> items("{}")).problems().get(0).message().en(),
                containsString("must be a JSON array of project proposals"));
    }

    @Test
    void anElementReadOnItsOwnGetsTheSameProblemsAsABody() {
        // A duplicate key, a text past the limit, a number past the parser's bounds: as a single proposal gets them.
        String dup = p("B").replace("\"sector\"", "\"name\":\"lặp\",\"sector\"");
        String digits = p("C").replace("50000000000", "9".repeat(1500));
        List<BatchItem> items = items("[" + dup + "," + digits + "," + p("D") + "]");
        assertEquals(List.of("!", "!", "D"), ids(items));
        for (int i = 0; i < 2; i++) {
            String body = i == 0 ? dup : digits;
            ProblemException single = assertThrows(ProblemException.class, () -> READER.readTree(body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(single.problems().get(0).path(), only(items.get(i)).path());
        }
        assertEquals("investment.totalVnd", only(items.get(1)).path());
    }

    @Test
    void anyMangledListIsReadToItsEndWithEveryItemOnce() throws IOException {
        // Whatever is broken, reading never throws (but to refuse what is not a list), every item is read or is an
        // error, and the count is what is read.
        String list = "[" + String.join(",\n", p("A"), p("B"), p("C"), p("D")) + "]";
        char[] noise = {'{', '}', '[', ']', ',', '"', '\\', ':', ' ', 'x', '1'};
        Random random = new Random(23);
        for (int run = 0; run < 2_000; run++) {
            StringBuilder s = new StringBuilder(list);
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = 1 + random.nextInt(s.length() - 1);
                if (random.nextBoolean()) {
                    s.deleteCharAt(at);
                } else {
                    s.insert(at, noise[random.nextInt(noise.length)]);
                }
            }
            List<BatchItem> items;
            try {
                items = items(s.toString());
            } catch (ProblemException notAList) {
                continue;
            }
            for (BatchItem i : items) {
                assertEquals(i.problems().isEmpty(), i.node() != null, s::toString);
            }
        }
    }
}
