package vn.phendau.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer's walk through the pages in a real browser (headless Chromium with the system's chromedriver):
 * the resolution, a rule, a sample assessed through the form, the verdict, English, a CSV list. It saves the
 * screenshots the README shows under docs/screenshots.
 */
@QuarkusTest
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("docs/screenshots");

    static WebDriver browser;
    static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Chromium and its driver: apt-get install -y chromium chromium-driver "
                        + "(.ci/run installs them when they are missing)");
        // The system's driver, never a downloaded one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("phendau-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--lang=vi", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aReviewerReadsTheRulesAssessesASampleAndAList() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // The home page: the resolution with its rules, in Vietnamese.
        browser.get(base.toString());
        assertEquals("vi", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Nghị quyết 23/NQ-CP và các quy tắc kiểm tra", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.id("p-CC1")).getText().contains("Chưa có quy tắc nào dẫn chiếu đoạn này"));
        screenshot("home.png", 1366, 1800);

        // A rule, opened from beside its paragraph.
        browser.findElement(By.cssSelector("#p-III\\.3\\.g a.rule-id[href='/rules/PLAN-1.not-in-provincial-plan']")).click();
        wait.until(ExpectedConditions.urlContains("/rules/PLAN-1.not-in-provincial-plan"));
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Không có trong quy hoạch tỉnh"));
        assertTrue(browser.findElement(By.cssSelector("pre.drl")).getText().contains("rule \"PLAN-1.not-in-provincial-plan\""));

        // A sample through the form.
        browser.findElement(By.linkText("Đánh giá đề xuất")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assess-form")));
        new Select(browser.findElement(By.id("sample"))).selectByValue("07-dien-bien-duong-a-pa-chai.json");
        browser.findElement(By.id("fill-sample")).click();
        wait.until(d -> d.findElement(By.id("json")).getAttribute("value").contains("DB-2026-023"));
        browser.findElement(By.id("submit")).click();

        // The verdict on the report.
        WebElement verdict = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verdict strong")));
        assertEquals("Chưa đáp ứng", verdict.getText());  // 07 converts natural forest (Law on Forestry 2017 art. 14(4))
        assertEquals("54/100", browser.findElement(By.cssSelector("#score strong")).getText());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Sín Thầu"), "Vietnamese text survives the form");
        assertTrue(browser.findElement(By.cssSelector("svg.chart")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("button[data-print]")).isDisplayed(), "the print button, shown by the script");
        screenshot("report.png", 1366, 1900);

        // Printed, it is a document: no navigation, buttons or forms.
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        assertTrue(!browser.findElement(By.cssSelector("header.site")).isDisplayed(), "no navigation on paper");
        assertTrue(!browser.findElement(By.cssSelector("button[data-print]")).isDisplayed(), "no buttons on paper");
        assertTrue(browser.findElement(By.cssSelector("#verdict")).isDisplayed());
        browser.manage().window().setSize(new Dimension(794, 1123));
        Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target/report-print.png"), StandardCopyOption.REPLACE_EXISTING);
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        browser.manage().window().setSize(new Dimension(1366, 900));

        // English, remembered for the next pages.
        browser.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#verdict strong"), "Non-compliant"));
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        browser.findElement(By.linkText("Assess a proposal")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Assess a project proposal"));

        // A CSV list, uploaded.
        browser.findElement(By.id("file")).sendKeys(Path.of("src/test/resources/web/projects.csv").toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("projects")));
        assertEquals("List assessment", browser.findElement(By.tagName("h1")).getText());
        assertEquals(List.of("LS-A", "LS-B", "LS-C", "HN-D"), column(1));
        // Sorted by score, lowest first, by the table's own script.
        browser.findElement(By.xpath("//table[@id='projects']//th/button[text()='Score']")).click();
        wait.until(d -> "ascending".equals(d.findElement(By.xpath("//table[@id='projects']//th[button[text()='Score']]")).getAttribute("aria-sort")));
        assertEquals("HN-D", column(1).get(0));
        browser.findElement(By.xpath("//table[@id='projects']//th/button[text()='Item']")).click();
        wait.until(d -> column(1).get(0).equals("LS-A"));
        assertTrue(browser.findElement(By.id("portfolio")).isDisplayed());
        screenshot("list.png", 1366, 1250);

        // Each row opens its project's report.
        browser.findElement(By.cssSelector("a[aria-label='Open the report of LS-B']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertTrue(browser.findElement(By.cssSelector(".facts")).getText().contains("LS-B"));
    }

    private List<String> column(int index) {
        return browser.findElements(By.cssSelector("#projects tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    /** The top of the page at the given size, saved for the README. */
    private static void screenshot(String name, int width, int height) throws IOException {
        browser.manage().window().setSize(new Dimension(width, height));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
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
