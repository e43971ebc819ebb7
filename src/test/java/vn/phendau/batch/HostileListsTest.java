package vn.phendau.batch;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;

/**
 * Lists shaped to blow up what is built from them (issue 17): each test is named after the attack and runs it
 * through the same reader, service and writers as the API, at the default limits.
 */
class HostileListsTest {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /** The answer to a list, in the given formats, as the API would write it. */
    static byte[] answer(byte[] list, BatchFormat in, BatchFormat out) throws IOException {
        Path file = Files.createTempFile("hostile", in.extension);
        try {
            Files.write(file, list);
            ByteArrayOutputStream os = new ByteArrayOutputStream();
            try (ItemReader items = in.open(file, Engine.READER)) {
                BatchSink sink = out.sink(MAPPER, os);
                try {
                    Engine.BATCH.run(items, sink);
                } finally {
                    if (sink instanceof java.io.Closeable c) {
                        c.close();
                    }
                }
            }
            return os.toByteArray();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** n rows alike but for their ids: one commune, one sector, the same years. */
    static byte[] identicalRows(int n) {
        StringBuilder csv = new StringBuilder("id,name,location.province,sector,investment.totalVnd,location.communes,"
                + "schedule.startYear,schedule.endYear\r\n");
        for (int i = 0; i < n; i++) {
            csv.append("R-").append(i).append(",Đường tuần tra,Lạng Sơn,TRANSPORT,50000000000,Tân Thanh:true,2027,2029\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- 1. the pair explosion ------------------------------------------------------------------------------------

    @Test
    void pairExplosionTwoThousandIdenticalRowsAreOneOverlapFinding() throws IOException {
        byte[] csv = identicalRows(2000);
        byte[] json = answer(csv, BatchFormat.CSV, BatchFormat.JSON);
        JsonNode answer = MAPPER.readTree(json);
        // Was 2 million findings and 5.7 GB; now the portfolio is one finding, and the answer is the projects' own.
        assertThat("portfolio bytes", MAPPER.writeValueAsBytes(answer.get("portfolioFindings")).length, lessThan(50_000));
        int one = answer(identicalRows(1), BatchFormat.CSV, BatchFormat.JSON).length;
        assertThat("answer bytes, against 2,000 answers of one row", (long) json.length, lessThan(2000L * one * 11 / 10));
        List<JsonNode> overlaps = new ArrayList<>();
        answer.get("portfolioFindings").forEach(f -> {
            if (f.get("ruleId").asText().equals("DISC-3.overlap")) {
                overlaps.add(f);
            }
        });
        assertEquals(1, overlaps.size(), "one finding for the one group");
        JsonNode f = overlaps.get(0);
        int cap = Engine.LIMITS.findingProjectIds();
        assertEquals(100, cap, "the default, as the README says");
        assertEquals(cap, f.get("projectIds").size(), "ids named up to phendau.limits.finding-project-ids");
        assertEquals("R-0", f.at("/projectIds/0").asText());
        assertEquals("R-" + (cap - 1), f.at("/projectIds/" + (cap - 1)).asText());
        assertEquals(2000 - cap, f.get("moreProjects").asInt());
        assertThat(f.at("/explanation/en").asText(), containsString("2,000 transport projects"));
        assertThat(f.at("/explanation/en").asText(), containsString("R-" + (cap - 1) + " and 1,900 more"));
        assertThat(f.at("/explanation/vi").asText(), containsString("và 1.900 dự án khác"));
        assertThat(f.at("/explanation/en").asText(), containsString("2027–2029"));
        assertEquals(2000, answer.at("/summary/assessed").asInt());
    }

    @Test
    void pairExplosionInCsvAndExcelNamesTheCapAndTheRest() throws IOException {
        String csv = new String(answer(identicalRows(300), BatchFormat.CSV, BatchFormat.CSV), StandardCharsets.UTF_8);
        String overlap = csv.lines().filter(l -> l.startsWith("PORTFOLIO") && l.contains("DISC-3.overlap")).findFirst().orElseThrow();
        assertThat(overlap, containsString("R-0 R-1 "));
        assertThat(overlap, containsString("(+" + (300 - Engine.LIMITS.findingProjectIds()) + ")"));
        assertEquals(1, csv.lines().filter(l -> l.contains("DISC-3.overlap")).count());
    }

    @Test
    void overlapChainsAreOneGroupAndAProjectApartIsInNone() throws IOException {
        String header = "id,name,location.province,sector,investment.totalVnd,location.communes,schedule.startYear,schedule.endYear\r\n";
        String rows = "A,a,Lạng Sơn,TRANSPORT,50000000000,Tân Thanh,2026,2027\r\n"
                + "B,b,Lạng Sơn,TRANSPORT,50000000000,Tan Thanh,2027,2028\r\n"
                + "C,c,Lạng Sơn,TRANSPORT,50000000000,Tân Thanh,2028,2029\r\n"
                + "D,d,Lạng Sơn,TRANSPORT,50000000000,Tân Thanh,2031,2032\r\n"
                + "E,e,Lạng Sơn,HEALTH,50000000000,Tân Thanh,2026,2032\r\n";
        JsonNode answer = MAPPER.readTree(answer((header + rows).getBytes(StandardCharsets.UTF_8), BatchFormat.CSV, BatchFormat.JSON));
        List<String> overlaps = new ArrayList<>();
        answer.get("portfolioFindings").forEach(f -> {
            if (f.get("ruleId").asText().equals("DISC-3.overlap")) {
                overlaps.add(f.get("projectIds").toString() + " " + f.get("moreProjects") + " " + f.at("/explanation/en").asText());
            }
        });
        assertEquals(1, overlaps.size(), overlaps.toString());
        assertThat(overlaps.get(0), containsString("[\"A\",\"B\",\"C\"] 0 3 transport projects in the same commune of Tân Thanh"));
        assertThat(overlaps.get(0), containsString("overlapping years in 2027–2028"));
    }

    // ---- 2. no answer cut short silently ------------------------------------------------------------------------

    /** Three good items, then a failure of ours (its Java message must not reach the client). */
    static ItemReader failingAfterThree() {
        List<BatchItem> good = new ArrayList<>();
        try (ItemReader r = BatchFormat.CSV.open(writeTemp(identicalRows(3), ".csv"), Engine.READER)) {
            r.forEachRemaining(good::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.Iterator<BatchItem> it = good.iterator();
        return new ItemReader() {
            public boolean hasNext() {
                if (!it.hasNext()) {
                    throw new IllegalStateException("Number value length (1000001) exceeds `StreamReadConstraints`");
                }
                return true;
            }

            public BatchItem next() {
                return it.next();
            }

            public void close() {
            }
        };
    }

    static Path writeTemp(byte[] bytes, String extension) throws IOException {
        Path f = Files.createTempFile("hostile", extension);
        f.toFile().deleteOnExit();
        return Files.write(f, bytes);
    }

    static byte[] failMidStream(BatchFormat out) throws IOException {
        ByteArrayOutputStream os = new ByteArrayOutputStream();
        BatchSink sink = out.sink(MAPPER, os);
        IncompleteAnswer e = org.junit.jupiter.api.Assertions.assertThrows(IncompleteAnswer.class,
                () -> Engine.BATCH.run(failingAfterThree(), sink));
        assertEquals(3, e.items());
        if (sink instanceof java.io.Closeable c) {
            c.close();
        }
        return os.toByteArray();
    }

    @Test
    void failureMidStreamEndsJsonWithAnIncompleteMemberAndStaysValid() throws IOException {
        byte[] json = failMidStream(BatchFormat.JSON);
        JsonNode answer = MAPPER.readTree(json);  // valid JSON, whole
        List<String> members = new ArrayList<>();
        answer.fieldNames().forEachRemaining(members::add);
        assertEquals("incomplete", members.get(members.size() - 1), "the last member: " + members);
        assertEquals(3, answer.get("results").size());
        assertEquals(3, answer.at("/incomplete/items").asInt());
        assertThat(answer.at("/incomplete/message/en").asText(), containsString("internal error after 3 items"));
        assertThat(answer.at("/incomplete/message/vi").asText(), containsString("lỗi nội bộ sau 3 mục"));
        assertThat(new String(json, StandardCharsets.UTF_8), org.hamcrest.Matchers.not(containsString("StreamReadConstraints")));
    }

    @Test
    void failureMidStreamEndsCsvWithAnIncompleteRow() throws IOException {
        List<String> lines = new String(failMidStream(BatchFormat.CSV), StandardCharsets.UTF_8).lines().toList();
        assertEquals(5, lines.size(), "header, three projects, the mark: " + lines);
        assertThat(lines.get(4), org.hamcrest.Matchers.startsWith("INCOMPLETE,3,"));
        assertThat(lines.get(4), containsString("internal error after 3 items"));
    }

    @Test
    void failureMidStreamGivesAWorkbookWhoseFirstSheetSaysIncomplete() throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = Fixtures.open(failMidStream(BatchFormat.XLSX))) {
            assertEquals(XlsxBatchWriter.INCOMPLETE, wb.getSheetName(0));
            assertEquals(0, wb.getActiveSheetIndex());
            var sheet = wb.getSheet(XlsxBatchWriter.INCOMPLETE);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue(), containsString("internal error after 3 items"));
            assertEquals(3, (int) sheet.getRow(3).getCell(1).getNumericCellValue());
            assertEquals(3, wb.getSheet(XlsxBatchWriter.PROJECTS).getLastRowNum(), "the three projects answered");
        }
    }

    // ---- 5. input shapes ------------------------------------------------------------------------------------------

    @Test
    void wideHeaderOf100kColumnsIsRefusedAt413BeforeAnyColumnIsJudged() {
        List<String> header = new ArrayList<>(Fixtures.MINIMAL);
        for (int i = header.size(); i < 100_000; i++) {
            header.add("c" + i);
        }
        long start = System.nanoTime();
        vn.phendau.problem.ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(vn.phendau.problem.ProblemException.class,
                () -> new RowMapper(header, 20_000, Engine.LIMITS.listColumns(), Engine.LIMITS.itemProblems()));
        assertEquals(413, e.status());
        assertThat(e.problems().get(0).message().en(), containsString("100000 columns, over the limit of 1000"));
        assertThat("ms", (System.nanoTime() - start) / 1_000_000, lessThan(1000L));
    }

    @Test
    void wideHeaderOf100kDuplicateColumnsIsCheckedThroughAMapAndItsProblemsCapped() {
        List<String> header = new ArrayList<>(Fixtures.MINIMAL);
        for (int i = header.size(); i < 100_000; i++) {
            header.add("name");  // was indexOf per column: 22 s for 100k columns
        }
        long start = System.nanoTime();
        vn.phendau.problem.ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(vn.phendau.problem.ProblemException.class,
                () -> new RowMapper(header, 20_000, 200_000, 100));
        assertThat("ms", (System.nanoTime() - start) / 1_000_000, lessThan(5000L));
        assertEquals(101, e.problems().size(), "100 problems and the count of the rest");
        assertThat(e.problems().get(100).message().en(), containsString("and 99895 more problems"));
    }

    @Test
    void listOfEmptyObjectsGetsItsProblemsCappedPerListWithEveryItemStillListed() throws IOException {
        int n = 20_000;
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            list.append(i == 0 ? "{}" : ",{}");
        }
        byte[] json = answer(list.append(']').toString().getBytes(StandardCharsets.UTF_8), BatchFormat.JSON, BatchFormat.JSON);
        JsonNode answer = MAPPER.readTree(json);
        assertEquals(n, answer.get("errors").size(), "every item once");
        int problems = 0;
        for (JsonNode e : answer.get("errors")) {
            problems += e.get("problems").size();
        }
        int budget = Engine.LIMITS.listProblems();
        assertThat("problems reported", problems, lessThan(budget + n + 1));
        JsonNode last = answer.get("errors").get(n - 1);
        assertEquals(1, last.get("problems").size());
        assertThat(last.at("/problems/0/message/en").asText(), containsString("more problems, not listed"));
        // Was 57 MB for 100,000 of them (570 bytes an item); past the budget an item is its index and a count.
        assertThat("answer bytes per item", json.length / n, lessThan(300));
    }
}
