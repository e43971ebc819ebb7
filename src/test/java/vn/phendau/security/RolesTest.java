package vn.phendau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.phendau.http.Payloads;

/** Each role's allowed and refused actions over HTTP, and the province an officer or reviewer is scoped to. */
@QuarkusTest
class RolesTest {

    static String proposal(String id, String province) throws Exception {
        ObjectNode p = (ObjectNode) Payloads.MAPPER.readTree(Payloads.sample());
        p.put("id", id);
        ((ObjectNode) p.get("location")).put("province", province);
        return p.toString();
    }

    static String newId() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static void problem(Response r, int status) {
        assertThat(r.asString(), r.statusCode(), equalTo(status));
        assertThat(r.contentType(), startsWith("application/problem+json"));
        assertThat(r.jsonPath().getString("message.vi"), not(equalTo(null)));
        assertThat(r.jsonPath().getString("message.en"), not(equalTo(null)));
    }

    @Test
    void thePublicEndpointsNeedNoSignIn() throws Exception {
        given().get("/api/v1/rules").then().statusCode(200);
        given().get("/api/v1/criteria").then().statusCode(200);
        given().get("/api/v1/reference/provinces").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/").then().statusCode(200);
        given().get("/assess").then().statusCode(200);
        given().contentType("application/json").body(proposal("P-1", "Lạng Sơn")).post("/api/v1/assessments").then().statusCode(200);
        given().contentType("application/json").body(proposal("P-1", "Lạng Sơn")).post("/api/v1/proposals/validate")
                .then().statusCode(200);
        // Credentials that are wrong do not matter where none are needed.
        As.user("officer", "wrong-password").get("/api/v1/rules").then().statusCode(200);
    }

    @Test
    void withoutSignInTheApiAnswers401AsProblemJsonAndThePagesSendToTheLoginPage() {
        Response r = given().get("/api/v1/dossiers");
        problem(r, 401);
        assertThat(r.header("WWW-Authenticate"), startsWith("Basic realm="));
        problem(given().contentType("application/json").body("{}").post("/api/v1/dossiers"), 401);
        problem(given().get("/api/v1/audit/verify"), 401);
        problem(given().get("/api/v1/users"), 401);
        problem(given().post("/api/v1/replays"), 401);
        problem(As.user("officer", "wrong-password").get("/api/v1/dossiers"), 401);
        problem(As.user("nobody-at-all", "wrong-password").get("/api/v1/dossiers"), 401);

        Response page = given().redirects().follow(false).get("/dossiers/ANY-1");
        assertThat(page.statusCode(), equalTo(303));
        assertThat(page.header("Location"), containsString("/login"));
        given().get("/login").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("name=\"j_username\"")).body(containsString("name=\"j_password\""));
    }

    @Test
    void anOfficerFilesAndReadsItsOwnProvinceOnly() throws Exception {
        String ls = newId();
        Response filed = As.officerLangSon().contentType("application/json").body(proposal(ls, "Lạng Sơn"))
                .header("X-Submitted-By", "someone else").post("/api/v1/dossiers");
        assertThat(filed.asString(), filed.statusCode(), equalTo(201));
        // Filed by the signed-in user; the header is not trusted.
        As.officerLangSon().get("/api/v1/dossiers/" + ls).then().statusCode(200)
                .body("versions.items[0].filedBy", equalTo("officer-ls"));

        // Another province's officer: the dossier does not show, whatever the address.
        problem(As.officerCaoBang().get("/api/v1/dossiers/" + ls), 404);
        problem(As.officerCaoBang().get("/api/v1/dossiers/" + ls + "/versions/1"), 404);
        problem(As.officerCaoBang().get("/api/v1/dossiers/" + ls + "/versions/1/diff/1"), 404);
        problem(As.officerCaoBang().get("/api/v1/dossiers/" + ls + "/decisions"), 404);
        assertThat(As.officerCaoBang().get("/dossiers/" + ls).statusCode(), equalTo(404));
        List<String> seen = As.officerCaoBang().queryParam("size", 100).get("/api/v1/dossiers").jsonPath().getList("items.projectId");
        assertThat(seen, not(hasItem(ls)));
        assertThat(As.officerCaoBang().queryParam("province", "Lạng Sơn").get("/api/v1/dossiers").jsonPath().getInt("total"),
                equalTo(0));
        assertThat(As.officerLangSon().queryParam("q", ls).get("/api/v1/dossiers").jsonPath().getList("items.projectId"),
                hasItem(ls));

        // Filing for another province, or a new version of another province's dossier: refused.
        problem(As.officerCaoBang().contentType("application/json").body(proposal(newId(), "Lạng Sơn")).post("/api/v1/dossiers"), 403);
        problem(As.officerCaoBang().contentType("application/json").body(proposal(ls, "Cao Bằng")).post("/api/v1/dossiers"), 403);
        // Written without diacritics, the same province.
        As.officerLangSon().contentType("application/json").body(proposal(newId(), "Lang Son")).post("/api/v1/dossiers")
                .then().statusCode(201);

        // A list: the other province's item is refused, its own is filed.
        String mine = newId();
        String theirs = newId();
        String list = "[" + proposal(mine, "Cao Bằng") + "," + proposal(theirs, "Lạng Sơn") + "]";
        Response batch = As.officerCaoBang().contentType("application/json").body(list).post("/api/v1/dossiers/batch");
        assertThat(batch.asString(), batch.statusCode(), equalTo(200));
        assertThat(batch.jsonPath().getList("errors.projectId"), hasItem(theirs));
        assertThat(batch.jsonPath().getList("results.projectId"), equalTo(List.of(mine)));
        // The counts agree with the lists: the refused item is an error, not an assessed one.
        assertThat(batch.jsonPath().getInt("summary.total"), equalTo(2));
        assertThat(batch.jsonPath().getInt("summary.assessed"), equalTo(1));
        assertThat(batch.jsonPath().getInt("summary.invalid"), equalTo(1));
        java.util.Map<String, Integer> byVerdict = batch.jsonPath().getMap("summary.byVerdict");
        assertThat(byVerdict.values().stream().mapToInt(Integer::intValue).sum(), equalTo(1));
        As.officerCaoBang().get("/api/v1/dossiers/" + mine).then().statusCode(200);
        problem(As.officer().get("/api/v1/dossiers/" + theirs), 404);

        // A reviewer of the province reads it, one of all provinces too; an officer of all provinces as well.
        As.reviewerLangSon().get("/api/v1/dossiers/" + ls).then().statusCode(200);
        As.reviewer().get("/api/v1/dossiers/" + ls).then().statusCode(200);
        As.officer().get("/api/v1/dossiers/" + ls).then().statusCode(200);
        As.officerLangSon().get("/dossiers/" + ls).then().statusCode(200).contentType(startsWith("text/html"));
    }

    @Test
    void reviewersAuditorsAndAdminsDoNotFile() throws Exception {
        problem(As.reviewer().contentType("application/json").body(proposal(newId(), "Lạng Sơn")).post("/api/v1/dossiers"), 403);
        problem(As.auditor().contentType("application/json").body(proposal(newId(), "Lạng Sơn")).post("/api/v1/dossiers"), 403);
        problem(As.admin().contentType("application/json").body(proposal(newId(), "Lạng Sơn")).post("/api/v1/dossiers"), 403);
        problem(As.auditor().contentType("application/json").body("[]").post("/api/v1/dossiers/batch"), 403);
    }

    @Test
    void theAuditorReadsEverythingAndChangesNothing() throws Exception {
        String id = newId();
        As.officerLangSon().contentType("application/json").body(proposal(id, "Lạng Sơn")).post("/api/v1/dossiers").then().statusCode(201);
        As.auditor().get("/api/v1/dossiers/" + id).then().statusCode(200);
        As.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        As.auditor().queryParam("action", "FILE").get("/api/v1/audit").then().statusCode(200)
                .body("items.actor", hasItem("officer-ls"));
        problem(As.auditor().post("/api/v1/replays"), 403);
        problem(As.auditor().get("/api/v1/users"), 403);
        problem(As.auditor().contentType("application/json").body("{\"outcome\":\"APPROVE\",\"reason\":\"" + "x".repeat(30) + "\"}")
                .post("/api/v1/dossiers/" + id + "/decisions"), 403);
        problem(As.officer().get("/api/v1/audit/verify"), 403);
        problem(As.reviewer().get("/api/v1/audit"), 403);
    }

    @Test
    void theAdminManagesUsersAndNoAnswerOrLogCarriesAPassword() {
        String name = "u-" + UUID.randomUUID().toString().substring(0, 6);
        problem(As.officer().get("/api/v1/users"), 403);
        problem(As.reviewer().contentType("application/json").body("{}").post("/api/v1/users"), 403);
        Response made = As.admin().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"password\":\"a-secret-passphrase\",\"role\":\"OFFICER\",\"province\":\"cao bang\"}")
                .post("/api/v1/users");
        assertThat(made.asString(), made.statusCode(), equalTo(201));
        assertThat(made.asString(), not(containsString("a-secret-passphrase")));
        assertThat(made.asString(), not(containsString("$2")));
        assertThat(made.jsonPath().getString("province"), equalTo("Cao Bằng"));
        String listed = As.admin().get("/api/v1/users").then().statusCode(200).extract().asString();
        assertThat(listed, containsString(name));
        assertThat(listed, not(containsString("Hash")));
        assertThat(listed, not(containsString("password")));
        // The new user signs in, with its province.
        As.user(name, "a-secret-passphrase").contentType("application/json").body(uncheck(() -> proposal(newId(), "Lạng Sơn")))
                .post("/api/v1/dossiers").then().statusCode(403);

        problem(As.admin().contentType("application/json")
                .body("{\"name\":\"x-" + name + "\",\"password\":\"a-secret-passphrase\",\"role\":\"KING\"}").post("/api/v1/users"), 400);
        As.admin().contentType("application/json")
                .body("{\"name\":\"y-" + name + "\",\"password\":\"short\",\"role\":\"OFFICER\"}").post("/api/v1/users")
                .then().statusCode(400).body("problems[0].path", equalTo("$.password"));
        As.admin().contentType("application/json")
                .body("{\"name\":\"z-" + name + "\",\"password\":\"a-secret-passphrase\",\"role\":\"OFFICER\",\"province\":\"Atlantis\"}")
                .post("/api/v1/users").then().statusCode(400).body("problems[0].path", equalTo("$.province"));
        problem(As.admin().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"password\":\"a-secret-passphrase\",\"role\":\"OFFICER\"}").post("/api/v1/users"), 409);

        As.admin().delete("/api/v1/users/" + name).then().statusCode(204);
        problem(As.user(name, "a-secret-passphrase").get("/api/v1/dossiers"), 401);
        problem(As.admin().delete("/api/v1/users/" + name), 404);
        List<String> actions = As.auditor().queryParam("size", 100).get("/api/v1/audit").jsonPath().getList("items.action");
        assertThat(actions, hasItem("USER_CREATED"));
        assertThat(actions, hasItem("USER_DELETED"));
    }

    @Inject
    SignInFailures failures;

    @Test
    void failedSignInsAreAuditedWithinABound() {
        failures.endWindow();  // a window of its own: the bound counts from the first failure below
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 6);
        String other = "guess-" + UUID.randomUUID().toString().substring(0, 6);
        int before = As.auditor().get("/api/v1/audit").jsonPath().getInt("total");
        for (int i = 0; i < 30; i++) {
            problem(As.user(name, "guess-" + i).get("/api/v1/dossiers"), 401);
        }
        for (int i = 0; i < 7; i++) {
            problem(As.user(other, "guess-" + i).get("/api/v1/dossiers"), 401);
        }
        List<String> subjects = As.auditor().queryParam("action", "SIGN_IN_FAILED").queryParam("size", 100).get("/api/v1/audit")
                .jsonPath().getList("items.subject");
        assertThat(subjects.stream().filter(("user:" + name)::equals).count(), equalTo(5L));
        assertThat(subjects.stream().filter(("user:" + other)::equals).count(), equalTo(5L));
        // The window's end: the 25 + 2 past the bound are counted in one entry, most tried name first.
        failures.endWindow();
        List<String> more = As.auditor().queryParam("action", "SIGN_IN_FAILED_MORE").queryParam("size", 100).get("/api/v1/audit")
                .jsonPath().getList("items.subject");
        String entry = more.stream().filter(s -> s.contains(name)).findFirst().orElseThrow();
        assertThat(entry, containsString(": 27 more; user:" + name + " 25, user:" + other + " 2"));
        // 37 failures, 5 + 5 + 1 entries; nothing more once the window has ended.
        failures.endWindow();
        assertThat(As.auditor().get("/api/v1/audit").jsonPath().getInt("total"), equalTo(before + 11));
        As.auditor().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void onlyTheAdminStartsAReplay() {
        problem(As.officer().post("/api/v1/replays"), 403);
        problem(As.reviewer().post("/api/v1/replays"), 403);
        As.admin().queryParam("q", "no-such-dossier-" + UUID.randomUUID()).post("/api/v1/replays").then().statusCode(202);
    }

    interface Body {
        String get() throws Exception;
    }

    static String uncheck(Body b) {
        try {
            return b.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
