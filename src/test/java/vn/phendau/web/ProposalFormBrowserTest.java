package vn.phendau.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.phendau.labels.Labels;
import vn.phendau.template.ListTemplate;

/**
 * An officer enters sample 01 in the guided form, field by field, in a real browser: values picked by their
 * labels, amounts typed the Vietnamese way, yes/no ticked. The report matches the API's answer for the sample's
 * file. With the script on, the form keeps a draft and checks a section when the officer leaves it.
 */
@QuarkusTest
class ProposalFormBrowserTest {

    static final String SAMPLE = "01-lang-son-duong-cua-khau-tan-thanh.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Labels LABELS = Labels.shipped();

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
    void anOfficerEntersSample01AndGetsTheApisAnswer() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        JsonNode sample = MAPPER.readTree(Files.readAllBytes(Path.of("samples", SAMPLE)));
        JsonNode api = MAPPER.readTree(given().contentType("application/json").body(Files.readAllBytes(Path.of("samples", SAMPLE)))
                .post("/api/v1/assessments").then().statusCode(200).extract().asByteArray());

        browser.get(base + "proposals/new?lang=vi");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal-form")));
        fill(sample, "");

        // The draft is kept: the page opened again is filled again.
        browser.get(base + "proposals/new");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-restored")));
        assertEquals("LS-2026-014", browser.findElement(By.name("id")).getAttribute("value"));
        assertEquals("95.000.000.000", browser.findElement(By.name("investment.totalVnd")).getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector("input[name='location.communes[2].borderCommune'][value=false]")).isSelected());

        // A section is checked as the officer leaves it, in the API's words.
        WebElement total = browser.findElement(By.name("investment.totalVnd"));
        total.clear();
        total.sendKeys("95 tỷ");
        total.sendKeys(Keys.TAB);
        browser.findElement(By.name("schedule.startYear")).click();   // out of the investment section
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-investment-totalVnd-problems"), "phải là"));
        total = browser.findElement(By.name("investment.totalVnd"));
        total.clear();
        total.sendKeys("95000000000");
        browser.findElement(By.name("schedule.startYear")).click();
        assertEquals("95.000.000.000", total.getAttribute("value"), "the amount shown grouped once typed");

        screenshot("proposal-form.png", 1366, 1500);

        browser.findElement(By.id("submit")).click();
        WebElement verdict = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertTrue(verdict.getAttribute("class").contains("v-" + api.get("verdict").asText()), verdict.getAttribute("class"));
        assertEquals(api.get("score").asInt() + "/100", browser.findElement(By.cssSelector("#score strong")).getText());
        assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Tân Thanh"));
        assertEquals(api.get("findings").size(), browser.findElements(By.cssSelector("article.finding")).size());
    }

    /** Each field of the proposal entered as a person enters it. */
    private void fill(JsonNode node, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode v = e.getValue();
            String plain = name.replaceAll("\\[\\d+]", "");
            if (v.isObject()) {
                fill(v, name);
            } else if (v.isArray()) {
                int i = 0;
                for (JsonNode item : v) {
                    if (item.isObject()) {
                        fill(item, name + "[" + i++ + "]");
                    } else {
                        click(By.cssSelector("input[type=checkbox][name='" + name + "'][value='" + item.asText() + "']"));
                    }
                }
            } else if (v.isBoolean()) {
                click(By.cssSelector("input[type=radio][name='" + name + "'][value='" + v.asBoolean() + "']"));
            } else {
                WebElement input = browser.findElement(By.name(name));
                if (input.getTagName().equals("select")) {
                    String label = plain.equals("location.province") ? v.asText()
                            : ListTemplate.shown(LABELS.value(plain, v.asText()), "vi");
                    new Select(input).selectByVisibleText(label);
                } else {
                    String typed = plain.endsWith("Vnd") ? ListTemplate.grouped(v.decimalValue(), "vi")
                            : v.isNumber() ? new BigDecimal(v.asText()).toPlainString().replace('.', ',') : v.asText();
                    input.sendKeys(typed);
                }
            }
        }
    }

    /** The top of the form, saved for the README (as BrowserTest saves its pages). */
    private static void screenshot(String name, int width, int height) throws IOException {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        Files.createDirectories(BrowserTest.SCREENSHOTS);
        Files.copy(shot, BrowserTest.SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
    }

    private static void click(By by) {
        WebElement el = browser.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", el);
        el.click();
    }
}
