package vn.phendau.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.phendau.batch.Fixtures.MINIMAL;
import static vn.phendau.batch.Fixtures.XLSX;
import static vn.phendau.batch.Fixtures.minimal;
import static vn.phendau.http.ProblemAssert.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.phendau.http.ProblemAssert;

/** With small configured limits, a list one item or a few bytes too long is refused with 413 in every format. */
@QuarkusTest
@TestProfile(BatchLimitsTest.SmallLists.class)
class BatchLimitsTest {

    static final int ITEMS = 3;
    static final int BYTES = 30_000;

    public static class SmallLists implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phendau.limits.batch-items", String.valueOf(ITEMS), "phendau.limits.batch-bytes", String.valueOf(BYTES));
        }
    }

    private static List<List<Object>> rows(int n) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(minimal("L-" + i, "Đường số " + i, 10_000_000_000L));
        }
        return rows;
    }

    private static byte[] json(int n) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            s.append(i > 0 ? "," : "").append("{\"id\":\"L-").append(i).append("\",\"name\":\"Đường\",\"location\":{\"province\":\"Lạng Sơn\"},")
                    .append("\"sector\":\"TRANSPORT\",\"investment\":{\"totalVnd\":10000000000}}");
        }
        return s.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Response post(String type, byte[] body) {
        return given().contentType(type).accept("application/json").body(body).when().post(BatchHttpTest.BATCH);
    }

    @Test
    void atTheItemLimitEveryFormatIsAnswered() {
        post("application/json", json(ITEMS)).then().statusCode(200).body("summary.total", equalTo(ITEMS));
        post("text/csv", Fixtures.csv(MINIMAL, rows(ITEMS), ',', true)).then().statusCode(200).body("summary.total", equalTo(ITEMS));
        post(XLSX, Fixtures.xlsx(MINIMAL, rows(ITEMS))).then().statusCode(200).body("summary.total", equalTo(ITEMS));
    }

    @Test
    void oneItemOverTheLimitIs413InEveryFormat() {
        String expected = "the list has " + (ITEMS + 1) + " items, over the limit of " + ITEMS;
        assertThat(problem(post("application/json", json(ITEMS + 1)), 413).at("$").en("$"), equalTo(expected));
        assertThat(problem(post("text/csv", Fixtures.csv(MINIMAL, rows(ITEMS + 1), ';', false)), 413).at("$").en("$"), equalTo(expected));
        assertThat(problem(post(XLSX, Fixtures.xlsx(MINIMAL, rows(ITEMS + 1))), 413).at("$").en("$"), equalTo(expected));
        // Blank rows in the sheet are not items.
        List<List<Object>> withBlanks = new ArrayList<>(rows(ITEMS));
        withBlanks.add(1, Fixtures.row(null, null, null, null, null));
        withBlanks.add(Fixtures.row("", "", "", "", ""));
        post(XLSX, Fixtures.xlsx(MINIMAL, withBlanks)).then().statusCode(200).body("summary.total", equalTo(ITEMS));
    }

    @Test
    void theTemplatesRowOfLabelsIsNoItemOfTheCount() {
        // A filled template saved as CSV keeps its second header row, the columns' labels: the reader skips it, and
        // so must the count, or a list at the limit would be refused for a row that is no project.
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(MINIMAL.stream().map(c -> (Object) ColumnWords.both(vn.phendau.labels.Labels.shipped().field(c))).toList()));
        rows.addAll(rows(ITEMS));
        post("text/csv", Fixtures.csv(MINIMAL, rows, ',', true)).then().statusCode(200)
                .body("summary.total", equalTo(ITEMS)).body("summary.invalid", equalTo(0));
        rows.addAll(rows(1));
        assertThat(problem(post("text/csv", Fixtures.csv(MINIMAL, rows, ',', true)), 413).at("$").en("$"),
                equalTo("the list has " + (ITEMS + 1) + " items, over the limit of " + ITEMS));
        // A second row that is not the labels' is an item, and counts.
        List<List<Object>> plain = rows(ITEMS);
        plain.add(0, minimal("Mã dự án / Project id", "x", 1L));
        assertThat(problem(post("text/csv", Fixtures.csv(MINIMAL, plain, ',', true)), 413).at("$").en("$"),
                equalTo("the list has " + (ITEMS + 1) + " items, over the limit of " + ITEMS));
    }

    @Test
    void aListOverTheByteLimitIs413InEveryFormat() {
        String expected = "the list is over the limit of " + BYTES + " bytes";
        // Random text does not compress, so the workbook too is over the limit.
        Random random = new Random(23);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            noise.append((char) ('!' + random.nextInt(90)));
        }
        List<String> header = new ArrayList<>(MINIMAL);
        header.add("description");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<Object> r = minimal("B-" + i, "b", 1_000_000_000L);
            r.add(noise.substring(i * 10_000) + noise.substring(0, i * 10_000));
            rows.add(r);
        }
        byte[] xlsx = Fixtures.xlsx(header, rows);
        assertTrue(xlsx.length > BYTES, "the workbook is " + xlsx.length + " bytes");
        ProblemAssert p = problem(post(XLSX, xlsx), 413).at("$");
        assertThat(p.en("$"), equalTo(expected));
        assertThat(problem(post("text/csv", Fixtures.csv(header, rows, ',', true)), 413).at("$").en("$"), equalTo(expected));
        assertThat(problem(post("application/json", new String(json(1), StandardCharsets.UTF_8)
                .replace("\"name\":\"Đường\"", "\"name\":\"" + "x".repeat(BYTES) + "\"").getBytes(StandardCharsets.UTF_8)), 413)
                .at("$").en("$"), equalTo(expected));
        post(XLSX, Fixtures.xlsx(MINIMAL, rows(1))).then().statusCode(200);
    }

    @Test
    void aListRefusedOverTheByteLimitLeavesNoSpooledFileBehind() throws Exception {
        // Each refused list would otherwise leave up to phendau.limits.batch-bytes on the disk: a client could fill it.
        String marker = "SPOOL-" + UUID.randomUUID();
        byte[] over = new String(json(1), StandardCharsets.UTF_8).replace("\"id\":\"L-0\"", "\"id\":\"" + marker + "\"")
                .replace("\"name\":\"Đường\"", "\"name\":\"" + "x".repeat(BYTES) + "\"").getBytes(StandardCharsets.UTF_8);
        problem(post("application/json", over), 413);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Path> left;
        do {
            Thread.sleep(100);
            try (var files = Files.list(tmp)) {
                left = files.filter(f -> f.getFileName().toString().startsWith("phendau-list")).filter(f -> {
                    try (InputStream in = Files.newInputStream(f)) {
                        return new String(in.readNBytes(200), StandardCharsets.UTF_8).contains(marker);
                    } catch (IOException gone) {
                        return false;  // deleted while being read
                    }
                }).toList();
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertTrue(left.isEmpty(), "spooled files left behind: " + left);
    }
}
