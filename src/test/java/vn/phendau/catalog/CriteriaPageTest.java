package vn.phendau.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes docs/criteria.md, the criteria as a page of the repository, from what the service itself serves
 * ({@code GET /api/v1/criteria} and {@code GET /api/v1/rules}): a clone of the repository alone, without the shared
 * specification beside it, still has them, and the page cannot drift from the rules: a run of the tests compares it
 * with what the service serves and fails when they differ; tools/refresh-docs.sh (PHENDAU_WRITE_DOCS=1) rewrites it.
 */
@QuarkusTest
class CriteriaPageTest {

    static final Path PAGE = Path.of("docs/criteria.md");

    @Test
    @SuppressWarnings("unchecked")
    void theCriteriaPageIsWhatTheServiceServes() throws IOException {
        List<Map<String, Object>> criteria = json("/api/v1/criteria").getList("$");
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        json("/api/v1/rules").<Map<String, Object>>getList("rules").forEach(r -> rules.put((String) r.get("id"), r));

        StringBuilder md = new StringBuilder();
        md.append("# The criteria\n\n").append("The ").append(criteria.size()).append("""
                 criteria the service checks a proposal against, each with what it rests on and the rules that
                decide it. `tools/refresh-docs.sh` writes this page from what the service serves (`GET /api/v1/criteria`,
                `GET /api/v1/rules`), and `CriteriaPageTest` fails when it no longer matches: do not edit it by hand. A rule's page in
                the running service (`/rules/{id}`) shows its full text and DRL source.

                The criteria implement the project's specification, `CRITERIA.md`, which lives in the shared
                specification folder beside the repository (`../shared/spec/CRITERIA.md`), not in the repository itself.
                """);
        String group = null;
        for (Map<String, Object> c : criteria) {
            if (!c.get("group").equals(group)) {
                group = (String) c.get("group");
                md.append("\n## ").append(group).append("\n");
            }
            Map<String, String> title = (Map<String, String>) c.get("title");
            Map<String, String> description = (Map<String, String>) c.get("description");
            md.append("\n### ").append(c.get("id")).append(" ").append(title.get("en")).append("\n\n")
                    .append("_").append(title.get("vi")).append("._ ");
            if (description != null) {
                md.append(description.get("en")).append(" _").append(description.get("vi")).append("_");
            }
            md.append("\n\n");
            if (c.get("scoreGroup") != null) {
                md.append("- Score group: `").append(c.get("scoreGroup")).append("`\n");
            }
            md.append("- Rests on: ").append(String.join("; ", ((List<Map<String, String>>) c.get("citations")).stream()
                    .map(CriteriaPageTest::citation).toList())).append("\n");
            md.append("- Rules:\n");
            for (String id : (List<String>) c.get("rules")) {
                Map<String, Object> r = rules.get(id);
                Map<String, String> rt = (Map<String, String>) r.get("title");
                int points = ((Number) r.get("points")).intValue();
                md.append("  - `").append(id).append("`: ").append(r.get("outcome")).append(", ").append(r.get("severity"))
                        .append(points > 0 ? ", " + points + " points" : "").append(". ").append(rt.get("en")).append("\n");
            }
        }
        String page = md.toString();
        if ("1".equals(System.getenv("PHENDAU_WRITE_DOCS"))) {
            Files.writeString(PAGE, page, StandardCharsets.UTF_8);
        } else {
            // A run of the tests leaves the tracked page as it is, and says when it no longer matches the rules.
            assertEquals(page, Files.readString(PAGE, StandardCharsets.UTF_8),
                    "docs/criteria.md is out of date with the rules: run tools/refresh-docs.sh and commit what it writes");
        }

        // Every criterion once, and every rule under its criterion.
        for (Map<String, Object> c : criteria) {
            assertEquals(1, page.split("\n### " + c.get("id") + " ", -1).length - 1, (String) c.get("id"));
        }
        rules.keySet().forEach(id -> assertTrue(page.contains("`" + id + "`"), id));
    }

    private static String citation(Map<String, String> c) {
        String where = c.get("paragraph") != null ? c.get("paragraph") : c.get("article");
        return c.get("document") + (where == null ? "" : " " + where);
    }

    private static JsonPath json(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
