package vn.phendau.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.phendau.catalog.Catalog;

/** The resolution beside its rules, and a rule's own page, in both languages. */
@QuarkusTest
class ResolutionPagesTest {

    @Inject
    Catalog catalog;

    static String page(String path) {
        return given().when().get(path).then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
    }

    /** A text as Qute writes it into HTML. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void homeShowsTheResolutionInVietnameseByDefault() {
        given().when().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("<h1>Nghị quyết 23/NQ-CP và các quy tắc kiểm tra</h1>"))
                .body(containsString("Nghị quyết về phát triển kinh tế khu vực biên giới đất liền"))
                .body(containsString("aria-current=\"page\">Nghị quyết và quy tắc</a>"))
                .body(containsString("<link rel=\"stylesheet\" href=\"/static/pages.css\">"));
    }

    @Test
    void everyParagraphIsShownWithTheRulesThatCiteIt() {
        String html = page("/");
        for (Catalog.ParagraphView p : catalog.paragraphs()) {
            int at = html.indexOf("id=\"p-" + p.id() + "\"");
            assertTrue(at > 0, "paragraph " + p.id() + " is on the page");
            int next = html.indexOf("<div class=\"entry", at + 1);
            String entry = html.substring(at, next < 0 ? html.length() : next);
            String text = html(p.text());
            assertTrue(entry.contains(text), "paragraph " + p.id() + " has its text");
            for (String rule : p.citedBy()) {
                assertTrue(entry.contains("<a class=\"rule-id\" href=\"/rules/" + rule + "\">" + rule + "</a>"),
                        rule + " is beside " + p.id());
            }
            assertTrue(entry.contains("Chưa có quy tắc nào dẫn chiếu đoạn này") == p.citedBy().isEmpty(),
                    p.id() + " is marked as cited by no rule exactly when no rule cites it");
        }
    }

    /** What the tool does and the criteria come first; the grounds no rule cites are folded, and none of it is lost. */
    @Test
    void theHomePageOpensWithWhatItChecks() {
        String html = page("/");
        int what = html.indexOf("<h2 id=\"what\">Phên Dậu làm gì</h2>");
        int criteria = html.indexOf("<h2 id=\"criteria\">38 tiêu chí kiểm tra</h2>");
        int resolution = html.indexOf("<h2 id=\"resolution\">");
        assertTrue(what > 0 && what < criteria && criteria < resolution, "what, then the criteria, then the resolution");
        for (Catalog.CriterionView c : catalog.criteria()) {
            int row = html.indexOf("<tr id=\"c-" + c.id() + "\">");
            assertTrue(row > criteria && row < resolution, c.id() + " is in the criteria table");
            for (String rule : c.rules()) {
                assertTrue(html.indexOf("href=\"/rules/" + rule + "\"", row) < html.indexOf("</tr>", row), rule + " is in its criterion's row");
            }
        }
        int details = html.indexOf("<details class=\"preamble\">");
        int end = html.indexOf("</details>", details);
        assertTrue(details > resolution, "the preamble is folded");
        String folded = html.substring(details, end);
        for (Catalog.ParagraphView p : catalog.paragraphs()) {
            boolean uncitedPreamble = p.citedBy().isEmpty() && ("basis".equals(p.kind()) || "preamble".equals(p.kind()));
            assertTrue(folded.contains("id=\"p-" + p.id() + "\"") == uncitedPreamble, p.id() + " is folded exactly when no rule cites it and it is preamble");
        }
    }

    @Test
    void aRuleCardShowsCriterionSeverityPointsAndExplanation() {
        String html = page("/");
        Catalog.RuleView rule = catalog.rule("PLAN-1.not-in-provincial-plan");
        int at = html.indexOf("href=\"/rules/" + rule.id() + "\"", html.indexOf("id=\"resolution\""));
        String card = html.substring(at, html.indexOf("</li>", at));
        assertTrue(card.contains("sev-BLOCKING\">Bắt buộc</span>"), card);
        assertTrue(card.contains("Tiêu chí PLAN-1 · Không đạt"), card);
        assertTrue(card.contains(rule.title().vi()), card);
        // The explanation before a project fills it: each placeholder shown as a variable.
        assertTrue(card.contains("<var title=\"province\">tên tỉnh</var>"), card);

        String priority = html.substring(html.indexOf("sev-PRIORITY"));
        assertTrue(priority.substring(0, 200).matches("(?s).*class=\"pts\">\\d+ điểm</span>.*"), priority.substring(0, 200));
    }

    @Test
    void homeInEnglishAndTheChoiceIsRemembered() {
        given().when().get("/?lang=en").then().statusCode(200)
                .header("Set-Cookie", allOf(containsString("lang=en"), containsString("Path=/")))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h1>Resolution 23/NQ-CP and the rules that check it</h1>"))
                .body(containsString("No rule cites this paragraph"))
                .body(containsString("sev-BLOCKING\">Blocking</span>"))
                // The resolution itself stays as published, marked as Vietnamese.
                .body(containsString("<div class=\"para\" lang=\"vi\">"));
        given().cookie("lang", "en").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("aria-current=\"page\">Resolution and rules</a>"));
        given().cookie("lang", "en").when().get("/?lang=vi").then().statusCode(200)
                .header("Set-Cookie", containsString("lang=vi"))
                .body(containsString("<html lang=\"vi\">"));
    }

    @Test
    void anUnknownLanguageFallsBackToVietnamese() {
        given().cookie("lang", "fr").when().get("/?lang=de").then().statusCode(200)
                .header("Set-Cookie", nullValue())
                .body(containsString("<html lang=\"vi\">"));
    }

    @Test
    void aRulePageShowsItsSourceCriterionAndParagraphs() {
        given().when().get("/rules/PLAN-1.not-in-provincial-plan").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("<code>PLAN-1.not-in-provincial-plan</code></span> Không có trong quy hoạch tỉnh</h1>"))
                .body(containsString("<strong>PLAN-1</strong> · Phù hợp quy hoạch tỉnh"))
                .body(containsString("Mã nguồn DRL (rules/planning.drl)"))
                .body(containsString("rule &quot;PLAN-1.not-in-provincial-plan&quot;"))
                .body(containsString("Project( inProvincialPlan == false )"))
                .body(containsString("<a href=\"/#p-III.3.g\">23/NQ-CP, III.3.g</a>"))
                .body(containsString("<a href=\"/#p-I.3\">23/NQ-CP, I.3</a>"))
                .body(containsString("<code>planning.inProvincialPlan</code>"))
                .body(not(containsString("<var>")))
                .body(containsString("<var title=\"province\">tên tỉnh</var>"))
                .body(containsString("<a href=\"/rules/PLAN-1.in-provincial-plan\">PLAN-1.in-provincial-plan</a>"));
    }

    @Test
    void aRulePageInEnglish() {
        given().when().get("/rules/PLAN-1.not-in-provincial-plan?lang=en").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Not in the provincial plan</h1>"))
                .body(containsString("DRL source (rules/planning.drl)"))
                .body(containsString("Paragraphs of the resolution cited"))
                .body(containsString("href=\"/rules/PLAN-1.not-in-provincial-plan?lang=vi\""));
    }

    @Test
    void anUnknownRuleIsAPageNotAProblemDocument() {
        given().when().get("/rules/NO-SUCH.rule").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("<h1>Không tìm thấy</h1>"))
                .body(containsString("không có quy tắc &#39;NO-SUCH.rule&#39;"));
        given().when().get("/rules/NO-SUCH.rule?lang=en").then().statusCode(404)
                .body(containsString("no rule &#39;NO-SUCH.rule&#39;"));
    }

    @Test
    void theApiIsUntouched() {
        given().when().get("/api/v1/rules/PLAN-1.not-in-provincial-plan?lang=en").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Set-Cookie", nullValue())
                .body(not(containsString("<html")));
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().when().get("/q/health").then().statusCode(200);
    }

    @Test
    void theStylesheetHasAPrintLayout() {
        given().when().get("/static/pages.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString("@page { size: A4;"))
                .body(containsString("@media print"))
                .body(not(containsString("@import")))
                .body(not(containsString("url(http")));
    }
}
