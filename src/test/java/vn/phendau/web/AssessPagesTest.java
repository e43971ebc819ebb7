package vn.phendau.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The form, the report of one proposal and the table of a list, in both languages, and problems beside their input. */
@QuarkusTest
public class AssessPagesTest {

    static final Path SAMPLES = Path.of("samples");
    static final String COMPLIANT = "01-lang-son-duong-cua-khau-tan-thanh.json";
    /** Held back by what field changes can fix: natural forest (Law on Forestry 2017 art. 14(4)) and an opinion outstanding. */
    static final String FIXABLE = "07-dien-bien-duong-a-pa-chai.json";
    static final Pattern REPORT = Pattern.compile("/reports/([0-9a-f-]{36})");

    static String sample(String file) throws IOException {
        return Files.readString(SAMPLES.resolve(file));
    }

    /** A CSRF token, as the form page sets it in its cookie and writes it into the form (vn.phendau.security.Csrf). */
    static final String CSRF = "test-token-".repeat(4).substring(0, 43);

    /** A form post as a browser sends it: the CSRF cookie, and the same token as a field. */
    public static RequestSpecification form() {
        return given().cookie(vn.phendau.security.Csrf.COOKIE, CSRF).multiPart(vn.phendau.security.Csrf.FIELD, CSRF);
    }

    /** The form as a browser posts it: multipart, the pasted text as a UTF-8 field. */
    static RequestSpecification pasted(String json) {
        return form().multiPart(new MultiPartSpecBuilder(json).controlName("json").charset(StandardCharsets.UTF_8).build());
    }

    static RequestSpecification uploaded(String fileName, byte[] content, String type) {
        return form().multiPart("file", fileName, content, type);
    }

    static String reportId(String html) {
        Matcher m = REPORT.matcher(html);
        assertTrue(m.find(), "the page links a report");
        return m.group(1);
    }

    @Test
    void theFormHasLabelledInputsAndTheSamples() {
        given().when().get("/assess").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("<h1>Đánh giá đề xuất dự án</h1>"))
                .body(containsString("<form id=\"assess-form\" method=\"post\" action=\"/assess\" enctype=\"multipart/form-data\""))
                .body(containsString("<label for=\"json\">"))
                .body(containsString("<textarea id=\"json\" name=\"json\""))
                .body(containsString("<label for=\"file\">Tệp JSON, CSV hoặc Excel (.xlsx)</label>"))
                .body(containsString("<input type=\"file\" id=\"file\" name=\"file\""))
                .body(containsString("accept=\".json,.csv,.xlsx,"))
                .body(containsString("<label for=\"sample\">Đề xuất mẫu</label>"))
                .body(containsString("<option value=\"" + COMPLIANT + "\">01 · Lạng Sơn · "))
                .body(containsString("<option value=\"24-bac-giang-trung-tam-logistics-cao-toc.json\">"))
                .body(containsString(">Điền đề xuất mẫu</button>"))
                .body(not(containsString("aria-invalid")));
    }

    @Test
    void theFormInEnglish() {
        given().when().get("/assess?lang=en").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h1>Assess a project proposal</h1>"))
                .body(containsString("<label for=\"file\">JSON, CSV or Excel (.xlsx) file</label>"))
                .body(containsString(">Fill in a sample</button>"))
                .body(containsString(">Assess</button>"));
    }

    @Test
    void theSampleButtonFillsTheFormWithTheSampleAsWritten() throws IOException {
        String html = given().when().get("/assess?sample=" + COMPLIANT).then().statusCode(200)
                .body(containsString("<option value=\"" + COMPLIANT + "\" selected>"))
                .extract().asString();
        assertTrue(html.contains(ResolutionPagesTest.html(sample(COMPLIANT))), "the textarea holds the sample as written");
        given().when().get("/assess?sample=../pom.xml").then().statusCode(200)
                .body(containsString("name=\"json\"")).body(not(containsString("<project")));
    }

    @Test
    void aPastedProposalRendersItsReport() throws IOException {
        String html = pasted(sample(COMPLIANT)).when().post("/assess").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("<h1>Đường kết nối cửa khẩu Tân Thanh với Quốc lộ 4A, huyện Văn Lãng</h1>"))
                .body(containsString("<p class=\"verdict v-COMPLIANT\" id=\"verdict\"><span class=\"label\">Kết luận</span> <strong>Đáp ứng</strong></p>"))
                .body(containsString("<strong>64/100</strong>"))
                .body(containsString("<dt>Mã dự án</dt><dd>LS-2026-014</dd>"))
                .body(containsString("Luật Đầu tư công số 58/2024/QH15"))
                // The score chart, inline
                .body(containsString("<svg class=\"chart\""))
                .body(containsString("<title id=\"chart-title\">Điểm ưu tiên theo nhóm, tổng 64/100"))
                .body(containsString(">16/20</text>"))
                // Findings by severity, each with its explanation, evidence and quoted paragraph
                .body(containsString("<h2 id=\"findings\">Các phát hiện ("))
                .body(containsString("<h3 id=\"sev-PRIORITY\"><span class=\"badge sev-PRIORITY\">Ưu tiên</span>"))
                .body(containsString("<h5>Số liệu của dự án</h5>"))
                // labelled, the raw path in a tooltip; amounts in đồng, codes in words
                .body(containsString("<dt title=\"location.province\">Tỉnh, thành phố</dt><dd>Lạng Sơn</dd>"))
                .body(containsString("<dt title=\"investment.totalVnd\">Tổng mức đầu tư</dt><dd>95.000.000.000 đồng</dd>"))
                .body(containsString("<dt title=\"sector\">Lĩnh vực</dt><dd>Giao thông</dd>"))
                .body(containsString("<a href=\"/rules/DISC-1.within-time-limit\">DISC-1.within-time-limit</a>"))
                // a finding names its paragraphs and links to the one place they are quoted, at the end
                .body(containsString("<a href=\"#law-23-NQ-CP-III.2.g-1\">23/NQ-CP, III.2.g-1</a>"))
                .body(containsString("<h2 id=\"legal\">Căn cứ pháp lý</h2>"))
                .body(containsString("<figure class=\"quote\" id=\"law-23-NQ-CP-III.2.g-1\">"))
                .body(containsString("<blockquote lang=\"vi\">Ưu tiên dành nguồn vốn"))
                .body(containsString("<a href=\"/#p-III.2.g-1\">23/NQ-CP, III.2.g-1</a>"))
                // Checklist, ruleset, print
                .body(containsString("<h2 id=\"checklist\">Danh mục tiêu chí</h2>"))
                .body(containsString("<tr><td>SCOPE-1</td><td>Tỉnh có đường biên giới đất liền</td>"))
                .body(containsString("<dt>Phiên bản</dt><dd>2.0.0</dd>"))
                .body(containsString("<code class=\"fingerprint\">sha256:"))
                .body(containsString("data-print hidden>In báo cáo</button>"))
                .body(containsString("<script src=\"/static/pages.js\" defer></script>"))
                .extract().asString();
        assertEquals(1, count(html, "<blockquote lang=\"vi\">Ưu tiên dành nguồn vốn"), "paragraph III.2.g-1 is quoted once");
        assertTrue(count(html, "href=\"#law-23-NQ-CP-III.2.g-1\"") > 2, "the findings that cite it link to it");
        assertFalse(html.contains("<code>location.province</code>"), "no raw path shows as the evidence's name");
        // The language switch reloads the kept report, not the form.
        String id = reportId(html);
        assertTrue(html.contains("href=\"/reports/" + id + "?lang=en\""), "the switch points at the report's own address");
    }

    @Test
    void everySampleRendersItsReport() throws IOException {
        try (var files = Files.list(SAMPLES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (String lang : List.of("vi", "en")) {
                    pasted(Files.readString(f)).cookie("lang", lang).when().post("/assess").then()
                            .statusCode(200).contentType(startsWith("text/html"))
                            .body(containsString("<html lang=\"" + lang + "\">"))
                            .body(containsString("id=\"verdict\""))
                            .body(containsString("<h2 id=\"checklist\">"));
                }
            }
        }
    }

    @Test
    void aReportShowsTheRemedyOfWhatHoldsTheProjectBack() throws IOException {
        pasted(sample(FIXABLE)).when().post("/assess").then().statusCode(200)
                .body(containsString("<strong>Chưa đáp ứng</strong>"))
                .body(containsString("<h3 id=\"sev-REVIEW\"><span class=\"badge sev-REVIEW\">Cần thẩm định</span>"))
                .body(containsString("<span class=\"outcome o-NOT_MET\">Không đạt</span>"))
                .body(containsString("<h5>Cách khắc phục</h5>"))
                .body(containsString("<li title=\"defenseSecurity.foreignAffairsOpinion\">Có ý kiến đồng ý bằng văn bản của Bộ Ngoại giao</li>"))
                .body(containsString("<dt title=\"defenseSecurity.foreignAffairsOpinion\">Ý kiến Bộ Ngoại giao</dt><dd>Đã đề nghị, chưa có ý kiến</dd>"))
                .body(containsString("<ul class=\"changes\">"))
                .body(containsString("<h2 id=\"path\">Lộ trình để đạt &quot;Đáp ứng&quot;</h2>"));
    }

    @Test
    void aReportIsKeptAndOpensAgainInEitherLanguage() throws IOException {
        String id = reportId(pasted(sample(COMPLIANT)).when().post("/assess").then().statusCode(200).extract().asString());
        io.restassured.response.Response en = given().when().get("/reports/" + id + "?lang=en");
        org.hamcrest.MatcherAssert.assertThat(en.headers().getValues("Set-Cookie"), org.hamcrest.Matchers.hasItem(containsString("lang=en")));
        en.then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<span class=\"label\">Verdict</span> <strong>Compliant</strong>"))
                .body(containsString("<span class=\"label\">Priority score</span> <strong>64/100</strong>"))
                .body(containsString("Meets the criteria of Resolution 23/NQ-CP. Priority score 64/100."))
                .body(containsString("<h2 id=\"checklist\">Checklist of criteria</h2>"))
                .body(containsString("<tr><td>SCOPE-1</td><td>Land-border province</td>"))
                .body(containsString("<h5>The project&#39;s values</h5>"))
                .body(containsString("<dt title=\"investment.totalVnd\">Total investment</dt><dd>95,000,000,000 VND</dd>"))
                .body(containsString("<h2 id=\"legal\">Legal basis</h2>"))
                // the resolution is quoted as published
                .body(containsString("<blockquote lang=\"vi\">Ưu tiên dành nguồn vốn"));
        given().cookie("lang", "en").when().get("/reports/" + id).then().statusCode(200).body(containsString("<strong>Compliant</strong>"));
        given().when().get("/reports/" + id).then().statusCode(200).body(containsString("<strong>Đáp ứng</strong>"));
    }

    @Test
    void aPastedProposalInEnglish() throws IOException {
        pasted(sample(FIXABLE)).cookie("lang", "en").when().post("/assess").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<strong>Non-compliant</strong>"))
                .body(containsString("<h5>Remedy</h5>"))
                .body(containsString("Nâng cấp đường từ trung tâm xã Sín Thầu đến cửa khẩu A Pa Chải</h1>"));
    }

    @Test
    void anUnknownReportIsAPage() {
        given().when().get("/reports/00000000-0000-0000-0000-000000000000").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("<h1>Không tìm thấy</h1>"))
                .body(containsString("hãy đánh giá lại đề xuất"));
        given().when().get("/lists/nothing?lang=en").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("send the list again"));
    }

    @Test
    void anInvalidProposalShowsTheFormAgainWithTheProblemsBesideTheText() {
        String bad = "{\"id\": \"LS-X\", \"name\": \"Đường thử\", \"sector\": \"TRANSPORT\", \"investment\": {\"totalVnd\": 0},"
                + " \"location\": {\"provnce\": \"Lạng Sơn\"}}";
        pasted(bad).when().post("/assess").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("<h1>Đánh giá đề xuất dự án</h1>"))
                .body(containsString("<div class=\"problems\" id=\"json-problems\" role=\"alert\">"))
                .body(containsString("Đề xuất dự án không hợp lệ. Cần sửa:"))
                .body(containsString("<code>location.provnce</code>: trường không có trong lược đồ; có phải ý bạn là &#39;province&#39;?"))
                .body(containsString("<code>investment.totalVnd</code>: phải lớn hơn 0"))
                .body(containsString("aria-describedby=\"json-help json-problems\" aria-invalid=\"true\" autofocus>"))
                // what was pasted is kept, to be corrected
                .body(containsString("&quot;provnce&quot;: &quot;Lạng Sơn&quot;"))
                .body(not(containsString("id=\"file-problems\"")));
        pasted(bad).cookie("lang", "en").when().post("/assess").then().statusCode(400)
                .body(containsString("Invalid project proposal. To correct:"))
                .body(containsString("<code>location.provnce</code>: unknown field; did you mean &#39;province&#39;?"))
                .body(containsString("<code>investment.totalVnd</code>: must be greater than 0"));
    }

    @Test
    void malformedJsonIsShownWhereItBroke() {
        pasted("{\"id\": \"LS-X\",\n \"name\": }").when().post("/assess").then().statusCode(400)
                .body(containsString("id=\"json-problems\""))
                .body(containsString("JSON không hợp lệ (dòng 2, cột"));
    }

    @Test
    void nothingOrBothIsAskedAgain() throws IOException {
        form().multiPart("json", "").when().post("/assess").then().statusCode(400)
                .body(containsString("id=\"json-problems\""))
                .body(containsString("Hãy dán nội dung JSON hoặc chọn một tệp."));
        pasted(sample(COMPLIANT)).multiPart("file", "list.csv", "id\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .cookie("lang", "en").when().post("/assess").then().statusCode(400)
                .body(containsString("Either paste JSON or upload a file, not both at once."));
    }

    @Test
    void anUploadedCsvListRendersItsTable() throws IOException {
        byte[] csv = Files.readAllBytes(Path.of("src/test/resources/web/projects.csv"));
        String html = uploaded("projects.csv", csv, "text/csv").when().post("/assess").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<h1>Kết quả đánh giá danh sách</h1>"))
                .body(containsString("Nguồn: projects.csv"))
                .body(containsString("5 mục: 4 đã đánh giá, 1 không hợp lệ."))
                .body(containsString("<table class=\"sortable projects\" id=\"projects\">"))
                .body(containsString("<th scope=\"col\" class=\"num\"><button type=\"button\" data-sort=\"number\">Điểm</button></th>"))
                .body(containsString("<td>LS-A</td>"))
                .body(containsString("<td>Đường liên thôn Nà Lầy - Tân Thanh</td>"))
                .body(containsString("<span class=\"verdict-chip v-OUT_OF_SCOPE\">Ngoài phạm vi</span>"))
                .body(containsString("aria-label=\"Xem báo cáo HN-D\">Báo cáo</a>"))
                // the invalid item, with its problems
                .body(containsString("<h2 id=\"invalid\">Mục không hợp lệ (1)</h2>"))
                .body(containsString("<tr><td>5</td><td>XX-E</td>"))
                .body(containsString("<code>investment.totalVnd</code>: phải lớn hơn 0"))
                // the portfolio finding, naming the projects with links to their reports
                .body(containsString("<h2 id=\"portfolio\">Phát hiện trên toàn danh sách</h2>"))
                .body(containsString("<a href=\"/rules/DISC-3.scattered\">DISC-3.scattered</a>"))
                .body(containsString(">LS-A</a>, <a href="))
                .extract().asString();
        String id = reportId(html);
        given().when().get("/reports/" + id).then().statusCode(200).body(containsString("<dd>LS-A</dd>"));
        Matcher list = Pattern.compile("href=\"(/lists/[0-9a-f-]{36})\\?lang=en\"").matcher(html);
        assertTrue(list.find(), "the language switch reloads the kept list");
        given().when().get(list.group(1) + "?lang=en").then().statusCode(200)
                .body(containsString("<h1>List assessment</h1>"))
                .body(containsString("5 items: 4 assessed, 1 invalid."))
                .body(containsString("<code>investment.totalVnd</code>: must be greater than 0"))
                .body(containsString("<h2 id=\"portfolio\">Findings across the list</h2>"));
    }

    /** The sample list: ids kept whole, a page of 25 rows at a time, and its report to download as the API gives it. */
    @Test
    void aListPagesItsRowsAndDownloadsItsReport() throws IOException {
        byte[] csv = Files.readAllBytes(Path.of("samples/lists/lang-son-cao-bang-2026-2030.csv"));
        String html = uploaded("lang-son-cao-bang-2026-2030.csv", csv, "text/csv").when().post("/assess").then().statusCode(200)
                .body(containsString("<p class=\"downloads no-print\" id=\"downloads\">"))
                .body(containsString("rel=\"next\">"))
                .body(containsString("Trang 1/2"))
                .extract().asString();
        Matcher m = Pattern.compile("href=\"(/lists/[0-9a-f-]{36})/report.csv\"").matcher(html);
        assertTrue(m.find(), "a CSV download");
        String list = m.group(1);
        assertTrue(html.contains("href=\"" + list + "/report.xlsx\""), "an Excel download");
        given().when().get(list + "?page=2").then().statusCode(200).body(containsString("Trang 2/2"))
                .body(containsString("rel=\"prev\">"));
        String downloaded = given().when().get(list + "/report.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("filename=\"phendau-lang-son-cao-bang-2026-2030.csv\""))
                .extract().asString();
        String api = given().contentType("text/csv").accept("text/csv").body(csv).when().post("/api/v1/assessments/batch")
                .then().statusCode(200).extract().asString();
        assertEquals(api, downloaded, "the page's CSV is the API's");
        byte[] xlsx = given().when().get(list + "/report.xlsx").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        assertTrue(xlsx.length > 1000 && xlsx[0] == 'P' && xlsx[1] == 'K', "a workbook");
        given().when().get("/lists/00000000-0000-0000-0000-000000000000/report.csv").then().statusCode(404);
    }

    @Test
    void aPastedOrUploadedJsonArrayIsAList() throws IOException {
        String list = "[" + sample(COMPLIANT) + ", " + sample(FIXABLE) + "]";
        pasted(list).when().post("/assess").then().statusCode(200)
                .body(containsString("<h1>Kết quả đánh giá danh sách</h1>"))
                .body(containsString("<td>LS-2026-014</td>"))
                .body(containsString("<td>DB-2026-023</td>"));
        uploaded("two.json", list.getBytes(StandardCharsets.UTF_8), "application/json").when().post("/assess").then().statusCode(200)
                .body(containsString("Nguồn: two.json"))
                .body(containsString("2 mục: 2 đã đánh giá, 0 không hợp lệ."));
    }

    @Test
    void anUploadedJsonProposalRendersItsReport() throws IOException {
        uploaded(COMPLIANT, Files.readAllBytes(SAMPLES.resolve(COMPLIANT)), "application/json").when().post("/assess").then()
                .statusCode(200)
                .body(containsString("<strong>Đáp ứng</strong>"))
                .body(containsString("<dd>LS-2026-014</dd>"));
    }

    @Test
    void aListProblemIsShownBesideTheFileInput() {
        byte[] csv = "id,name,location.provnce,sector,investment.totalVnd\nA,B,Lạng Sơn,TRANSPORT,1\n".getBytes(StandardCharsets.UTF_8);
        uploaded("bad.csv", csv, "text/csv").when().post("/assess").then().statusCode(400)
                .body(containsString("<div class=\"problems\" id=\"file-problems\" role=\"alert\">"))
                .body(containsString("Tiêu đề danh sách không hợp lệ. Cần sửa:"))
                .body(containsString("có phải ý bạn là &#39;location.province&#39;?"))
                .body(containsString("aria-describedby=\"file-help file-problems\" aria-invalid=\"true\" autofocus>"))
                .body(not(containsString("id=\"json-problems\"")));
    }

    @Test
    void aFileOfAnotherKindIsRefusedBesideTheFileInput() {
        uploaded("notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain").cookie("lang", "en")
                .when().post("/assess").then().statusCode(415).contentType(startsWith("text/html"))
                .body(containsString("id=\"file-problems\""))
                .body(containsString("Cannot read the file &quot;notes.txt&quot;: only .json, .csv and .xlsx files are accepted."));
    }

    /**
     * An Excel file goes to the list reader of BatchFormat.XLSX, like the API's: a table of projects when that reader
     * reads it, or its refusal beside the file input; never the API's problem+json.
     */
    @Test
    void anExcelFileGoesThroughTheListReader() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("projects");
            List<List<String>> rows = List.of(List.of("id", "name", "location.province", "sector", "investment.totalVnd"),
                    List.of("LS-X1", "Đường thử", "Lạng Sơn", "TRANSPORT", "12000000000"));
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(xlsx);
        }
        Response answer = uploaded("projects.xlsx", xlsx.toByteArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").when().post("/assess");
        answer.then().contentType(startsWith("text/html"))
                .body(either(allOf(containsString("<h1>Kết quả đánh giá danh sách</h1>"), containsString("Nguồn: projects.xlsx")))
                        .or(containsString("<div class=\"problems\" id=\"file-problems\" role=\"alert\">")));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
