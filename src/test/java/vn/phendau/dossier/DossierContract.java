package vn.phendau.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.phendau.http.Payloads;

/**
 * Dossiers over HTTP, against a real database: the H2 of the tests always ({@link DossierH2Test}), PostgreSQL when
 * one is given ({@link DossierPostgresTest}). Each test files projects of its own ids, so tests share the database.
 */
abstract class DossierContract {

    @Inject
    /** Through Instance, as the service's own beans take it: check, run in this JVM, has no datasource (Main.NO_DATABASE). */
    jakarta.enterprise.inject.Instance<AgroalDataSource> dbs;

    AgroalDataSource db() {
        return dbs.get();
    }

    /**
     * Every request of these tests signs in (issue 20): as an officer of all provinces, or as an ADMIN for replays
     * and the audit chain; a request that names its own credentials keeps them.
     */
    static final io.restassured.filter.Filter SIGNED_IN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            String user = request.getURI().contains("/api/v1/replays") || request.getURI().contains("/api/v1/audit")
                    ? "admin-test:admin-test-pass" : "officer:officer-pass";
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return context.next(request, response);
    };

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        io.restassured.RestAssured.replaceFiltersWith(List.of(SIGNED_IN));
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        io.restassured.RestAssured.replaceFiltersWith(List.of());
    }

    static ObjectNode sample(String id) {
        try {
            ObjectNode p = (ObjectNode) Payloads.MAPPER.readTree(Payloads.sample());
            p.put("id", id);
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String newId() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Response file(Object body, String by) {
        var r = given().contentType("application/json").body(body instanceof JsonNode n ? n.toString() : body);
        if (by != null) {
            r.header("X-Submitted-By", by);
        }
        return r.when().post("/api/v1/dossiers");
    }

    /** The answer as served, without the dossier block filing adds at its end. */
    static String answerOf(Response filed) {
        String body = filed.asString();
        return body.substring(0, body.lastIndexOf(",\"dossier\":")) + "}";
    }

    @Test
    void filingKeepsVersionsAndTheSameProposalTwiceAddsNone() throws Exception {
        String id = newId();
        ObjectNode p = sample(id);
        Response first = file(p, java.net.URLEncoder.encode("Sở Tài chính Lạng Sơn", StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(first.asString(), first.statusCode(), equalTo(201));
        assertThat(first.header("Location"), endsWith("/api/v1/dossiers/" + id));
        JsonPath a = first.jsonPath();
        assertThat(a.getString("verdict"), notNullValue());
        assertThat(a.getString("dossier.projectId"), equalTo(id));
        assertThat(a.getInt("dossier.version"), equalTo(1));
        assertThat(a.getBoolean("dossier.unchanged"), equalTo(false));

        // The same proposal with its fields in another order and laid out otherwise is the same proposal.
        ObjectNode reordered = Payloads.MAPPER.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, p.get(n)));
        Response again = file(reordered.toPrettyString(), null);
        assertThat(again.asString(), again.statusCode(), equalTo(200));
        assertThat(again.jsonPath().getInt("dossier.version"), equalTo(1));
        assertThat(again.jsonPath().getBoolean("dossier.unchanged"), equalTo(true));
        assertThat("the unchanged filing answers with the stored assessment", answerOf(again), equalTo(answerOf(first)));

        ObjectNode changed = p.deepCopy();
        ((ObjectNode) changed.get("planning")).put("inProvincialPlan", false);
        Response second = file(changed, null);
        assertThat(second.asString(), second.statusCode(), equalTo(201));
        assertThat(second.jsonPath().getInt("dossier.version"), equalTo(2));
        assertThat(second.jsonPath().getString("verdict"), equalTo("NON_COMPLIANT"));

        JsonPath d = given().get("/api/v1/dossiers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(d.getInt("currentVersion"), equalTo(2));
        assertThat(d.getList("versions.items.n", Integer.class), contains(2, 1));
        // Filed by the signed-in user: X-Submitted-By is no longer trusted.
        assertThat(d.getString("versions.items[1].filedBy"), equalTo("officer"));
        assertThat(d.getString("versions.items[0].filedBy"), equalTo("officer"));
        assertThat(d.getString("current.verdict"), equalTo("NON_COMPLIANT"));
        assertThat(d.getString("current.assessmentId"), equalTo(second.jsonPath().getString("assessmentId")));
        JsonPath page2 = given().get("/api/v1/dossiers/" + id + "?size=1&page=2").then().statusCode(200).extract().jsonPath();
        assertThat(page2.getList("versions.items.n", Integer.class), contains(1));
        assertThat(page2.getInt("versions.total"), equalTo(2));

        // Byte for byte as first served.
        String v1 = given().get("/api/v1/dossiers/" + id + "/versions/1").then().statusCode(200).extract().asString();
        assertThat(v1, containsString("\"assessment\":" + answerOf(first)));
        JsonPath v1json = JsonPath.from(v1);
        assertThat(v1json.getString("proposal.id"), equalTo(id));
        assertThat(v1json.getBoolean("proposal.planning.inProvincialPlan"), equalTo(true));
        assertThat(v1json.getString("proposalSha256"), equalTo(Stored.proposalSha256(p)));

        JsonPath diff = given().get("/api/v1/dossiers/" + id + "/versions/1/diff/2").then().statusCode(200).extract().jsonPath();
        assertThat(diff.getList("diff.proposal.path"), contains("planning.inProvincialPlan"));
        assertThat(diff.getBoolean("diff.proposal[0].before"), equalTo(true));
        assertThat(diff.getBoolean("diff.proposal[0].after"), equalTo(false));
        assertThat(diff.getString("diff.verdict.before"), equalTo(first.jsonPath().getString("verdict")));
        assertThat(diff.getString("diff.verdict.after"), equalTo("NON_COMPLIANT"));
        assertThat(diff.getList("diff.findings.added.ruleId"), hasItem("PLAN-1.not-in-provincial-plan"));
        assertThat(diff.getList("diff.findings.removed.ruleId"), hasItem("PLAN-1.in-provincial-plan"));
        assertThat(diff.getString("diff.ruleset.before.fingerprint"), startsWith("sha256:"));

        // Its page: the versions with their verdicts, and the diff between the two asked for.
        String html = given().queryParam("from", 1).queryParam("to", 2).queryParam("lang", "en").get("/dossiers/" + id)
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html, containsString("planning.inProvincialPlan"));
        assertThat(html, containsString("NON_COMPLIANT"));
        assertThat(html, containsString("+ PLAN-1.not-in-provincial-plan"));
    }

    @Test
    void unknownDossiersAndVersionsAre404Problems() {
        String id = newId();
        given().get("/api/v1/dossiers/" + id).then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("problems[0].path", equalTo("projectId"));
        file(sample(id), null).then().statusCode(201);
        given().get("/api/v1/dossiers/" + id + "/versions/2").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("problems[0].path", equalTo("version"));
        given().get("/api/v1/dossiers/" + id + "/versions/abc").then().statusCode(404);
        given().get("/api/v1/dossiers/" + id + "/versions/1/diff/9").then().statusCode(404);
    }

    @Test
    void whatTheStatelessCheckRefusesFilingRefusesTheSameWay() {
        ObjectNode bad = sample(newId());
        ((ObjectNode) bad.get("investment")).put("totalVnd", -5);
        bad.put("nmae", "x");
        for (String body : List.of(bad.toString(), "{\"id\": ", "[]")) {
            Response stateless = given().contentType("application/json").body(body).post("/api/v1/assessments");
            Response filed = given().contentType("application/json").body(body).post("/api/v1/dossiers");
            assertThat(filed.statusCode(), equalTo(stateless.statusCode()));
            assertThat(filed.contentType(), startsWith("application/problem+json"));
            assertThat(filed.jsonPath().getList("problems"), equalTo(stateless.jsonPath().getList("problems")));
        }
        Response wrongType = given().contentType("text/plain").body(sample(newId()).toString()).post("/api/v1/dossiers");
        assertThat(wrongType.statusCode(), equalTo(415));
        // The header that named who filed before sign-in existed is ignored, whatever it holds.
        given().contentType("application/json").header("X-Submitted-By", "x".repeat(201)).body(sample(newId()).toString())
                .post("/api/v1/dossiers").then().statusCode(201);
    }

    @Test
    void searchByProvinceVerdictAndTextWithOrWithoutDiacritics() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String id = "SEARCH-" + tag;
        ObjectNode p = sample(id);
        p.put("name", "Đường tuần tra biên giới Đồng Đăng " + tag);
        file(p, null).then().statusCode(201);
        String verdict = given().get("/api/v1/dossiers/" + id).jsonPath().getString("verdict");

        JsonPath byText = given().queryParam("q", "duong tuan tra bien gioi dong dang " + tag).get("/api/v1/dossiers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byText.getList("items.projectId"), contains(id));
        assertThat(given().queryParam("q", "search-" + tag).queryParam("province", "Lang Son").queryParam("verdict", verdict)
                .get("/api/v1/dossiers").jsonPath().getList("items.projectId"), contains(id));
        assertThat(given().queryParam("q", tag).queryParam("province", "Cao Bằng").get("/api/v1/dossiers")
                .jsonPath().getList("items"), equalTo(List.of()));
        given().queryParam("verdict", "MAYBE").get("/api/v1/dossiers").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("problems[0].path", equalTo("verdict"));
        given().queryParam("page", "0").get("/api/v1/dossiers").then().statusCode(400).body("problems[0].path", equalTo("page"));
        given().queryParam("size", "100000").get("/api/v1/dossiers").then().statusCode(400).body("problems[0].path", equalTo("size"));
        given().queryParam("q", "%").get("/api/v1/dossiers").then().statusCode(200);
    }

    @Test
    void aFiledListKeepsEachValidItemAsAVersion() throws Exception {
        // The sample list with its ids made this test's own, so that it files first versions.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String list = Files.readString(Path.of("samples/lists/lang-son-cao-bang-2026-2030.json"), StandardCharsets.UTF_8)
                .replace("\"LS-2026-", "\"LS" + tag + "-").replace("\"CB-2026-", "\"CB" + tag + "-");
        Response filed = given().contentType("application/json").header("X-Submitted-By", "list-test").body(list)
                .post("/api/v1/dossiers/batch");
        Response stateless = given().contentType("application/json").body(list).post("/api/v1/assessments/batch");
        assertThat(filed.asString(), filed.statusCode(), equalTo(200));
        JsonPath f = filed.jsonPath();
        JsonPath s = stateless.jsonPath();
        assertThat(f.getMap("summary"), equalTo(s.getMap("summary")));
        assertThat(f.getList("errors"), equalTo(s.getList("errors")));
        assertThat(f.getList("portfolioFindings"), equalTo(s.getList("portfolioFindings")));
        assertThat(f.getList("results.index"), equalTo(s.getList("results.index")));
        assertThat(f.getList("results.verdict"), equalTo(s.getList("results.verdict")));
        assertThat(f.getList("results.dossier.version"), not(hasItem(not(equalTo(1)))));
        String someId = f.getString("results[0].projectId");
        assertThat(f.getString("results[0].dossier.projectId"), equalTo(someId));
        JsonPath d = given().get("/api/v1/dossiers/" + someId).then().statusCode(200).extract().jsonPath();
        assertThat(d.getString("versions.items[0].filedBy"), equalTo("officer"));
        assertThat(d.getString("current.verdict"), equalTo(f.getString("results[0].verdict")));

        // Filed again: nothing changed, so no item gets a new version.
        JsonPath again = given().contentType("application/json").body(list).post("/api/v1/dossiers/batch").jsonPath();
        assertThat(again.getList("results.dossier.unchanged"), not(hasItem(false)));
        assertThat(again.getList("results.dossier.version"), not(hasItem(not(equalTo(1)))));
    }

    @Test
    void aListLongerThanAChunkIsFiledInOrderWithItsInvalidItemsInPlace() throws Exception {
        // 130 items: more than two chunks (FilingSink.CHUNK), an invalid item every 20th; then one of them filed again
        // with a change, in a list of its own, becomes version 2.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        com.fasterxml.jackson.databind.node.ArrayNode list = Payloads.MAPPER.createArrayNode();
        for (int i = 0; i < 130; i++) {
            ObjectNode p = sample("L" + tag + "-" + i);
            if (i % 20 == 7) {
                ((ObjectNode) p.get("investment")).put("totalVnd", -5);
            }
            list.add(p);
        }
        Response filed = given().contentType("application/json").body(list.toString()).post("/api/v1/dossiers/batch");
        assertThat(filed.asString(), filed.statusCode(), equalTo(200));
        JsonPath f = filed.jsonPath();
        List<Integer> results = f.getList("results.index", Integer.class);
        List<Integer> errors = f.getList("errors.index", Integer.class);
        assertThat(errors.size(), equalTo(7));
        assertThat(results.size(), equalTo(123));
        assertThat("in the list's order", results, equalTo(results.stream().sorted().toList()));
        assertThat(errors, equalTo(List.of(7, 27, 47, 67, 87, 107, 127)));
        assertThat(f.getList("results.dossier.version", Integer.class), not(hasItem(not(equalTo(1)))));
        assertThat(f.getList("results.dossier.projectId"), equalTo(f.getList("results.projectId")));
        ObjectNode again = sample("L" + tag + "-3");
        ((ObjectNode) again.get("planning")).put("inProvincialPlan", false);
        JsonPath second = given().contentType("application/json").body("[" + sample("L" + tag + "-2") + "," + again + "]")
                .post("/api/v1/dossiers/batch").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("results.dossier.version", Integer.class), equalTo(List.of(1, 2)));
        assertThat(second.getList("results.dossier.unchanged", Boolean.class), equalTo(List.of(true, false)));
        JsonPath d = given().get("/api/v1/dossiers/L" + tag + "-3").then().statusCode(200).extract().jsonPath();
        assertThat(d.getInt("currentVersion"), equalTo(2));
        given().get("/api/v1/dossiers/L" + tag + "-7").then().statusCode(404);
        given().get("/api/v1/dossiers/L" + tag + "-129").then().statusCode(200);
        try (Connection c = db().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FROM audit_entry WHERE subject IN (SELECT 'assessment:' || id FROM assessment WHERE project_id LIKE ?)")) {
            q.setString(1, "L" + tag + "-%");
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat("an audit entry for each version filed", r.getInt(1), equalTo(124));  // 123 and version 2
            }
        }
        JsonPath audit = given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(audit.prettify(), audit.getBoolean("valid"), equalTo(true));
    }

    @Inject
    DossierService filing;
    @Inject
    vn.phendau.assessment.AssessmentService assessor;
    @Inject
    vn.phendau.proposal.ProposalReader reader;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void anAnswerIsStoredAsTheServiceWritesItWithItsJudgementsDigest() throws Exception {
        // The writer that notes the judgement's place is a copy of the service's mapper: the same bytes as it writes.
        ObjectNode tree = sample("W" + UUID.randomUUID().toString().substring(0, 6));
        vn.phendau.assessment.Assessment a = assessor.assess(reader.convert(tree), tree);
        StoredAnswer stored = filing.write(a);
        assertThat(new String(stored.json(), StandardCharsets.UTF_8), equalTo(mapper.writeValueAsString(a)));
        assertThat(stored.judgementSha256(), equalTo(StoredAnswer.judgementSha256(stored.json())));
    }

    @Test
    void aChunkThatFailsToStoreStoresNoneOfItsItems() throws Exception {
        // A chunk of three whose last item the database refuses (an id longer than its column): none is stored, and
        // the audit chain has no entry for any of them.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<DossierService.ToFile> chunk = new java.util.ArrayList<>();
        for (String id : List.of("C" + tag + "-1", "C" + tag + "-2", "C" + tag + "-" + "x".repeat(300))) {
            ObjectNode tree = sample(id);
            chunk.add(filing.prepare(tree, assessor.assess(reader.convert(tree), tree)));
        }
        long entriesBefore = given().get("/api/v1/audit/verify").jsonPath().getLong("entries");
        try {
            filing.storeAll(chunk, "chunk-test", vn.phendau.security.Scope.ALL);
            throw new AssertionError("the chunk was stored with an id longer than the column");
        } catch (RuntimeException expected) {
            // refused by the database
        }
        given().get("/api/v1/dossiers/C" + tag + "-1").then().statusCode(404);
        given().get("/api/v1/dossiers/C" + tag + "-2").then().statusCode(404);
        JsonPath audit = given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(audit.prettify(), audit.getBoolean("valid"), equalTo(true));
        assertThat(audit.getLong("entries"), equalTo(entriesBefore));

        // The same chunk without the refused item is stored whole.
        List<DossierService.Outcome> stored = filing.storeAll(chunk.subList(0, 2), "chunk-test", vn.phendau.security.Scope.ALL);
        assertThat(stored.stream().map(o -> o.filed().dossier().version()).toList(), equalTo(List.of(1, 1)));
        given().get("/api/v1/dossiers/C" + tag + "-2").then().statusCode(200);
    }

    @Test
    void filingsAtTheSameMomentAreAllKeptWithAnUnbrokenAuditTrail() throws Exception {
        // Twelve filings at once, two of them versions of one project: stored in groups (FilingGroups), each answered
        // as if alone, and the chain holds.
        String shared = newId();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(newId());
        }
        ObjectNode changed = sample(shared);
        ((ObjectNode) changed.get("planning")).put("inProvincialPlan", false);
        List<ObjectNode> bodies = new java.util.ArrayList<>(ids.stream().map(DossierContract::sample).toList());
        bodies.add(sample(shared));
        bodies.add(changed);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        List<Response> answers;
        try {
            List<java.util.concurrent.Future<Response>> sent = new java.util.ArrayList<>();
            for (ObjectNode body : bodies) {
                sent.add(pool.submit(() -> given().filter(SIGNED_IN).contentType("application/json").body(body.toString())
                        .post("/api/v1/dossiers")));
            }
            answers = new java.util.ArrayList<>();
            for (var f : sent) {
                answers.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 10; i++) {
            Response r = answers.get(i);
            assertThat(r.asString(), r.statusCode(), equalTo(201));
            assertThat(r.jsonPath().getString("dossier.projectId"), equalTo(ids.get(i)));
            assertThat(r.jsonPath().getInt("dossier.version"), equalTo(1));
        }
        List<Integer> sharedVersions = answers.subList(10, 12).stream().map(r -> r.jsonPath().getInt("dossier.version")).sorted().toList();
        assertThat(sharedVersions, equalTo(List.of(1, 2)));
        assertThat(given().get("/api/v1/dossiers/" + shared).jsonPath().getInt("currentVersion"), equalTo(2));
        JsonPath audit = given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(audit.prettify(), audit.getBoolean("valid"), equalTo(true));
    }

    @Test
    void theAuditTrailHoldsAndAnEditBehindTheServicesBackIsReported() throws Exception {
        String id = newId();
        file(sample(id), null).then().statusCode(201);
        JsonPath ok = given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(ok.prettify(), ok.getBoolean("valid"), equalTo(true));
        assertThat(ok.getLong("entries"), greaterThan(0L));

        // An entry's actor rewritten with plain JDBC: the chain breaks at that entry.
        long n;
        String actor;
        try (Connection c = db().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT n, actor FROM audit_entry WHERE subject = (SELECT 'assessment:' || MAX(id) FROM assessment WHERE project_id = ?)")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                n = r.getLong(1);
                actor = r.getString(2);
            }
        }
        try {
            update("UPDATE audit_entry SET actor = 'someone else' WHERE n = ?", n);
            JsonPath broken = given().get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
            assertThat(broken.getBoolean("valid"), equalTo(false));
            assertThat(broken.getLong("firstBroken.n"), equalTo(n));
            assertThat(broken.getString("firstBroken.reason"), containsString("edited"));
        } finally {
            try (Connection c = db().getConnection(); PreparedStatement u = c.prepareStatement("UPDATE audit_entry SET actor = ? WHERE n = ?")) {
                u.setString(1, actor);
                u.setLong(2, n);
                u.executeUpdate();
            }
        }
        assertThat(given().get("/api/v1/audit/verify").jsonPath().getBoolean("valid"), equalTo(true));

        // The answer it records, edited: the entry no longer matches what it recorded.
        byte[] answer;
        try (Connection c = db().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT answer_gzip FROM assessment WHERE project_id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                answer = r.getBytes(1);
            }
        }
        String forged = new String(Stored.gunzip(answer), StandardCharsets.UTF_8).replaceFirst("\"score\":\\d+", "\"score\":100");
        try {
            setAnswer(id, Stored.gzip(forged.getBytes(StandardCharsets.UTF_8)));
            JsonPath broken = given().get("/api/v1/audit/verify").jsonPath();
            assertThat(broken.getBoolean("valid"), equalTo(false));
            assertThat(broken.getLong("firstBroken.n"), equalTo(n));
            assertThat(broken.getString("firstBroken.reason"), containsString("changed"));
        } finally {
            setAnswer(id, answer);
        }
        assertThat(given().get("/api/v1/audit/verify").jsonPath().getBoolean("valid"), equalTo(true));

        // The digest a replay compares answers by, edited (a replay would then miss a change): the same.
        String digest = judgement(id);
        assertThat(digest, equalTo(StoredAnswer.judgementSha256(Stored.gunzip(answer))));
        try {
            setJudgement(id, "0".repeat(64));
            JsonPath broken = given().get("/api/v1/audit/verify").jsonPath();
            assertThat(broken.getBoolean("valid"), equalTo(false));
            assertThat(broken.getLong("firstBroken.n"), equalTo(n));
            // An answer stored before the digests has none, and holds.
            setJudgement(id, null);
            assertThat(given().get("/api/v1/audit/verify").jsonPath().getBoolean("valid"), equalTo(true));
        } finally {
            setJudgement(id, digest);
        }
        assertThat(given().get("/api/v1/audit/verify").jsonPath().getBoolean("valid"), equalTo(true));
    }

    private String judgement(String id) throws Exception {
        try (Connection c = db().getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT judgement_sha256 FROM assessment WHERE project_id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private void setJudgement(String id, String digest) throws Exception {
        try (Connection c = db().getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE assessment SET judgement_sha256 = ? WHERE project_id = ?")) {
            u.setString(1, digest);
            u.setString(2, id);
            u.executeUpdate();
        }
    }

    private void update(String sql, long n) throws Exception {
        try (Connection c = db().getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            u.setLong(1, n);
            u.executeUpdate();
        }
    }

    private void setAnswer(String id, byte[] gzip) throws Exception {
        try (Connection c = db().getConnection(); PreparedStatement u = c.prepareStatement(
                "UPDATE assessment SET answer_gzip = ? WHERE project_id = ?")) {
            u.setBytes(1, gzip);
            u.setString(2, id);
            u.executeUpdate();
        }
    }
}
