package vn.phendau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer's walk through the pages in a real browser (headless Chromium with the system's chromedriver):
 * home, the criteria, a rule, sample 07 assessed through the form, its report printed to PDF, English, the sample CSV
 * list, its second page, its report downloaded as Excel and CSV. Its screenshots go to target/screenshots, or to
 * docs/screenshots when tools/refresh-docs.sh asks for them.
 */
@QuarkusTest
class BrowserTest {

    static final Path SCREENSHOTS = Path.of("docs/screenshots");

    static Chromium chromium;
    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = Chromium.start();
        browser = chromium.browser;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aReviewerReadsTheRulesAssessesASampleAndAList() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // The home page opens with what the tool does and the criteria; the preamble no rule cites is folded.
        browser.get(base.toString());
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Nghị quyết 23/NQ-CP và các quy tắc kiểm tra", browser.findElement(By.tagName("h1")).getText());
        assertEquals("Phên Dậu làm gì", browser.findElement(By.tagName("h2")).getText(), "the first heading says what the tool does");
        assertTrue(!browser.findElement(By.id("p-CC1")).isDisplayed(), "the preamble no rule cites is folded");
        browser.findElement(By.cssSelector("details.preamble summary")).click();
        assertTrue(browser.findElement(By.id("p-CC1")).getText().contains("Chưa có quy tắc nào dẫn chiếu đoạn này"), "and opens");
        screenshot("home.png", 1366, 1800);

        // The criteria, and a rule opened from its criterion.
        WebElement criteria = browser.findElement(By.id("criteria"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", criteria);
        assertEquals(38, browser.findElements(By.cssSelector("table.criteria tbody tr")).size());
        browser.findElement(By.cssSelector("#c-PLAN-1 a[href='/rules/PLAN-1.not-in-provincial-plan']")).click();
        wait.until(ExpectedConditions.urlContains("/rules/PLAN-1.not-in-provincial-plan"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Không có trong quy hoạch tỉnh"));
        assertTrue(browser.findElement(By.cssSelector("pre.drl")).getText().contains("rule \"PLAN-1.not-in-provincial-plan\""));
        // Placeholders in words, the key in a tooltip.
        WebElement province = browser.findElement(By.cssSelector("p.rule-expl var[title='province']"));
        assertEquals("tên tỉnh", province.getText());
        // The DRL box in the bundled monospace font, loaded from the service itself, whose Vietnamese it draws whole.
        assertTrue(browser.findElement(By.cssSelector("pre.drl")).getCssValue("font-family").startsWith("\"Phen Dau Mono\""));
        Object loaded = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "document.fonts.load('16px \"Phen Dau Mono\"', 'Đề xuất ưu tiên').then(f => done(f.length), () => done(-1));");
        assertEquals(1L, loaded, "the bundled font loaded");
        WebElement drl = browser.findElement(By.cssSelector("pre.drl"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", drl);
        assertTrue(drl.getText().contains("Không có trong quy hoạch tỉnh"), "the source's Vietnamese, in NFC");
        Files.createDirectories(shots());
        Files.copy(drl.getScreenshotAs(OutputType.FILE).toPath(), shots().resolve("rule-source.png"), StandardCopyOption.REPLACE_EXISTING);

        // A sample through the form.
        browser.findElement(By.linkText("Đánh giá đề xuất")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assess-form")));
        new Select(browser.findElement(By.id("sample"))).selectByValue("07-dien-bien-duong-a-pa-chai.json");
        browser.findElement(By.id("fill-sample")).click();
        wait.until(d -> d.findElement(By.id("json")).getAttribute("value").contains("DB-2026-023"));
        browser.findElement(By.id("submit")).click();

        // The verdict on the report, the evidence in words, each paragraph quoted once at the end.
        WebElement verdict = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verdict strong")));
        assertEquals("Chưa đáp ứng", verdict.getText());  // 07 converts natural forest (Law on Forestry 2017 art. 14(4))
        assertEquals("54/100", browser.findElement(By.cssSelector("#score strong")).getText());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Sín Thầu"), "Vietnamese text survives the form");
        assertTrue(browser.findElement(By.cssSelector("svg.chart")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("button[data-print]")).isDisplayed(), "the print button, shown by the script");
        WebElement opinion = browser.findElement(By.cssSelector("#f-LEGAL-1\\.opinions-outstanding dt[title='defenseSecurity.foreignAffairsOpinion']"));
        assertEquals("Ý kiến Bộ Ngoại giao", opinion.getText());
        assertEquals("Đã đề nghị, chưa có ý kiến", opinion.findElement(By.xpath("following-sibling::dd[1]")).getText());
        assertEquals(1, browser.findElements(By.id("law-23-NQ-CP-III.2.g-1")).size());
        assertEquals(0, browser.findElements(By.cssSelector(".finding blockquote")).size(), "no paragraph quoted under a finding");
        screenshot("report.png", 1366, 1900);

        // Printed to PDF on A4, as a reviewer files it: at most six pages.
        PrintOptions print = new PrintOptions();
        print.setPageSize(new PageSize(29.7, 21.0));
        Pdf pdf = ((PrintsPage) browser).print(print);
        byte[] document = java.util.Base64.getDecoder().decode(pdf.getContent());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/report-07.pdf"), document);
        int pages = pages(document);
        assertTrue(pages >= 2 && pages <= 6, "sample 07's report prints on " + pages + " A4 pages (target/report-07.pdf)");
        // On paper it is a document: no navigation, buttons or forms.
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertTrue(!browser.findElement(By.cssSelector("header.site")).isDisplayed(), "no navigation on paper");
        assertTrue(!browser.findElement(By.cssSelector("button[data-print]")).isDisplayed(), "no buttons on paper");
        assertTrue(browser.findElement(By.cssSelector("#verdict")).isDisplayed());
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));

        // English, remembered for the next pages.
        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#verdict strong"), "Non-compliant"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Legal basis", browser.findElement(By.id("legal")).getText());
        browser.findElement(By.linkText("Assess a proposal")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Assess a project proposal"));

        // The sample CSV list, uploaded: 39 projects assessed, 25 a page.
        browser.findElement(By.id("file")).sendKeys(Path.of("samples/lists/lang-son-cao-bang-2026-2030.csv").toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("projects")));
        assertEquals("List assessment", browser.findElement(By.tagName("h1")).getText());
        assertEquals(25, column(1).size());
        assertEquals("LS-2026-101", column(1).get(0));
        WebElement id = browser.findElement(By.cssSelector("#projects tbody tr td:nth-child(2)"));
        assertEquals("nowrap", id.getCssValue("white-space"), "an id is never broken over lines");
        assertTrue(id.getSize().getHeight() < 40, "an id takes one line: " + id.getSize());
        assertTrue(browser.findElement(By.id("portfolio")).isDisplayed());
        screenshot("list.png", 1366, 1250);

        // Page 2 of the list.
        browser.findElement(By.cssSelector("a[rel='next']")).click();
        wait.until(ExpectedConditions.urlContains("page=2"));
        assertEquals(14, column(1).size(), "the other 14 of the 39 projects");

        // The same result downloaded as Excel and as CSV.
        Path downloads = Files.createTempDirectory("phendau-downloads");
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.findElement(By.linkText("Excel")).click();
        browser.findElement(By.linkText("CSV")).click();
        Path xlsx = downloads.resolve("phendau-lang-son-cao-bang-2026-2030.xlsx");
        Path csv = downloads.resolve("phendau-lang-son-cao-bang-2026-2030.csv");
        wait.until(d -> Files.exists(xlsx) && Files.exists(csv));
        byte[] workbook = Files.readAllBytes(xlsx);
        assertTrue(workbook[0] == 'P' && workbook[1] == 'K', "an Excel workbook");
        String rows = Files.readString(csv);
        assertTrue(rows.contains("LS-2026-101") && rows.contains("PORTFOLIO"), "the list's CSV report");

        // Each row opens its project's report.
        browser.findElement(By.cssSelector("#projects tbody tr a[href^='/reports/']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
    }

    /** The pages of a PDF, as its page objects count them ("/Type /Page", not the "/Pages" tree). */
    static int pages(byte[] pdf) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])")
                .matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private List<String> column(int index) {
        return browser.findElements(By.cssSelector("#projects tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    /**
     * Where the screenshots go: docs/screenshots, which the README shows, only when asked to refresh them
     * (tools/refresh-docs.sh); else target/screenshots, so that a run of the tests leaves the tracked files as they were.
     */
    static Path shots() {
        return WRITE_DOCS ? SCREENSHOTS : Path.of("target/screenshots");
    }

    /** Whether this run refreshes the tracked pictures and pages (tools/refresh-docs.sh sets it). */
    static final boolean WRITE_DOCS = "1".equals(System.getenv("PHENDAU_WRITE_DOCS"));

    /** The top of the page at the given size. */
    private static void screenshot(String name, int width, int height) throws IOException {
        browser.manage().window().setSize(new Dimension(width, height));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(shots());
        Files.copy(shot, shots().resolve(name), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    /** A reviewer signs in, records a decision with an override of one finding, and sees it on the dossier page. */
    @Test
    void aReviewerSignsInAndRecordsADecisionWithAnOverride() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        com.fasterxml.jackson.databind.node.ObjectNode p = (com.fasterxml.jackson.databind.node.ObjectNode) vn.phendau.http.Payloads.MAPPER
                .readTree(Files.readString(Path.of("samples/07-dien-bien-duong-a-pa-chai.json")));
        String id = "BR-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        p.put("id", id);
        vn.phendau.security.As.officer().contentType("application/json").body(p.toString()).post("/api/v1/dossiers")
                .then().statusCode(201);

        // The dossier page asks for sign-in, then comes back to the dossier.
        browser.get(base.toString() + "dossiers/" + id + "?lang=vi");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("j_username")).sendKeys("reviewer");
        browser.findElement(By.id("j_password")).sendKeys("reviewer-pass");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
        assertTrue(browser.findElement(By.id("status")).getText().contains("chờ quyết định"));

        // Approve, accepting the first REVIEW finding as satisfied.
        WebElement review = browser.findElements(By.cssSelector("#decision-form select[id^='kind-']")).stream()
                .filter(s -> s.findElements(By.cssSelector("option[value='ACCEPTED']")).size() == 1).findFirst().orElseThrow();
        String n = review.getAttribute("id").substring("kind-".length());
        String ruleId = review.getAttribute("aria-label");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("APPROVE");
        browser.findElement(By.id("reason")).sendKeys("Hồ sơ đầy đủ; ý kiến các bộ đã có sau ngày nộp.");
        new Select(review).selectByValue("ACCEPTED");
        browser.findElement(By.id("override-reason-" + n)).sendKeys("Bộ Ngoại giao đã có ý kiến thống nhất bằng văn bản.");
        browser.findElement(By.id("document-" + n)).sendKeys("Công văn 1234/BNG-BG ngày 02/12/2026");
        browser.findElement(By.id("decide")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "đã duyệt, 1 ý kiến khác với quy tắc"));
        WebElement decision = browser.findElement(By.cssSelector("section.decision"));
        assertTrue(decision.getText().contains(ruleId), decision.getText());
        assertTrue(decision.getText().contains("chấp nhận là đáp ứng"), decision.getText());
        assertTrue(decision.getText().contains("Công văn 1234/BNG-BG ngày 02/12/2026"), decision.getText());
        assertTrue(decision.getText().contains("reviewer"), decision.getText());
        // The rules' answer is unchanged.
        vn.phendau.security.As.auditor().get("/api/v1/dossiers/" + id).then().statusCode(200)
                .body("status.code", org.hamcrest.Matchers.equalTo("APPROVED"))
                .body("verdict", org.hamcrest.Matchers.equalTo(vn.phendau.security.As.auditor().get("/api/v1/dossiers/" + id + "/versions/1")
                        .jsonPath().getString("assessment.verdict")));
    }
}
