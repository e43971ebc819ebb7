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
import org.openqa.selenium.chrome.ChromeDriver;
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
}
