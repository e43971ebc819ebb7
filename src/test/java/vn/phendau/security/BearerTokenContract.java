package vn.phendau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OIDC bearer tokens on the API, without a provider on the network: the service checks the tokens with a test key's
 * public half ({@code quarkus.oidc.public-key}, src/test/resources/oidc), and the tests sign them with its private
 * half, as a provider would. Run with the default claim names (OidcBearerTest) and with others (OidcClaimNamesTest).
 */
abstract class BearerTokenContract {

    static final String ISSUER = "https://sso.test.invalid/realms/phendau";
    static final String AUDIENCE = "phendau";
    static final Path KEYS = Path.of("src/test/resources/oidc");

    /** The service's settings for a provider whose tokens this test signs; the claim names are left to each profile. */
    static Map<String, String> provider(Map<String, String> more) {
        Map<String, String> config = new HashMap<>(more);
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.public-key", pemBody(KEYS.resolve("test-public-key.pem")));
        // A key alone checks bearer tokens; the pages' code flow needs the provider itself (OidcCodeFlowTest).
        config.put("quarkus.oidc.application-type", "service");
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("quarkus.oidc.token.audience", AUDIENCE);
        return config;
    }

    abstract String rolesClaim();

    abstract String provinceClaim();

    static String pemBody(Path pem) {
        try {
            return Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey signingKey() throws Exception {
        byte[] der = Base64.getDecoder().decode(pemBody(KEYS.resolve("test-private-key.pem")));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The claims of a token as the provider would issue it, valid for five minutes. */
    JwtClaimsBuilder claims(String user, String role, String province) {
        long now = Instant.now().getEpochSecond();
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("sub-" + user).preferredUserName(user)
                .claim(rolesClaim(), List.of(role)).issuedAt(now).expiresAt(now + 300);
        if (province != null) {
            claims.claim(provinceClaim(), province);
        }
        return claims;
    }

    String token(String user, String role, String province) throws Exception {
        return claims(user, role, province).jws().sign(signingKey());
    }

    static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    static void unauthorized(Response r) {
        RolesTest.problem(r, 401);
        assertThat(r.asString(), r.jsonPath().getString("problems[0].path"), equalTo("Authorization"));
    }

    @Test
    void anOfficersTokenFilesAndReadsItsProvinceOnly() throws Exception {
        String officer = token("oidc-officer-ls", "OFFICER", "Lạng Sơn");
        String ls = RolesTest.newId();
        Response filed = bearer(officer).contentType("application/json").body(RolesTest.proposal(ls, "Lạng Sơn")).post("/api/v1/dossiers");
        assertThat(filed.asString(), filed.statusCode(), equalTo(201));
        bearer(officer).get("/api/v1/dossiers/" + ls).then().statusCode(200)
                .body("versions.items[0].filedBy", equalTo("oidc-officer-ls"));
        assertThat(bearer(officer).queryParam("q", ls).get("/api/v1/dossiers").jsonPath().getList("items.projectId"), hasItem(ls));

        // Cao Bằng: its dossiers do not show, and filing for it is refused.
        String cb = RolesTest.newId();
        As.officerCaoBang().contentType("application/json").body(RolesTest.proposal(cb, "Cao Bằng")).post("/api/v1/dossiers")
                .then().statusCode(201);
        RolesTest.problem(bearer(officer).get("/api/v1/dossiers/" + cb), 404);
        assertThat(bearer(officer).queryParam("size", 100).get("/api/v1/dossiers").jsonPath().getList("items.projectId"),
                not(hasItem(cb)));
        RolesTest.problem(bearer(officer).contentType("application/json").body(RolesTest.proposal(RolesTest.newId(), "Cao Bằng"))
                .post("/api/v1/dossiers"), 403);
        // Cao Bằng's officer, signed in the embedded way, does not see the token user's dossier either.
        RolesTest.problem(As.officerCaoBang().get("/api/v1/dossiers/" + ls), 404);

        // A province claim written without diacritics is the same province.
        String plain = token("oidc-officer-ls2", "OFFICER", "lang son");
        bearer(plain).get("/api/v1/dossiers/" + ls).then().statusCode(200);
        RolesTest.problem(bearer(plain).get("/api/v1/dossiers/" + cb), 404);
    }

    @Test
    void aReviewersTokenRecordsADecisionAndAnOfficersDoesNot() throws Exception {
        String id = RolesTest.newId();
        As.officerLangSon().contentType("application/json").body(RolesTest.proposal(id, "Lạng Sơn")).post("/api/v1/dossiers")
                .then().statusCode(201);
        String decision = DecisionsTest.decision("RETURN_FOR_INFORMATION", DecisionsTest.REASON);
        RolesTest.problem(bearer(token("oidc-officer-ls", "OFFICER", "Lạng Sơn")).contentType("application/json").body(decision)
                .post("/api/v1/dossiers/" + id + "/decisions"), 403);
        // A reviewer of another province: the dossier does not show.
        RolesTest.problem(bearer(token("oidc-reviewer-cb", "REVIEWER", "Cao Bằng")).contentType("application/json").body(decision)
                .post("/api/v1/dossiers/" + id + "/decisions"), 404);

        Response made = bearer(token("oidc-reviewer", "REVIEWER", "Lạng Sơn")).contentType("application/json").body(decision)
                .post("/api/v1/dossiers/" + id + "/decisions");
        assertThat(made.asString(), made.statusCode(), equalTo(201));
        assertThat(made.jsonPath().getString("decidedBy"), equalTo("oidc-reviewer"));
        As.auditor().queryParam("action", "DECISION").get("/api/v1/audit").then().statusCode(200)
                .body("items.actor", hasItem("oidc-reviewer"));
        // A token of no role the service knows may read nothing that needs one.
        RolesTest.problem(bearer(token("oidc-nobody", "VISITOR", null)).get("/api/v1/dossiers/" + id), 403);
    }

    @Test
    void anExpiredForeignOrMisaddressedTokenIs401ProblemJson() throws Exception {
        long now = Instant.now().getEpochSecond();
        unauthorized(bearer(claims("oidc-officer-ls", "OFFICER", "Lạng Sơn").issuedAt(now - 7200).expiresAt(now - 3600).jws()
                .sign(signingKey())).get("/api/v1/dossiers"));

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PrivateKey foreign = rsa.generateKeyPair().getPrivate();
        unauthorized(bearer(claims("oidc-officer-ls", "OFFICER", "Lạng Sơn").jws().sign(foreign)).get("/api/v1/dossiers"));

        unauthorized(bearer(claims("oidc-officer-ls", "OFFICER", "Lạng Sơn").audience("someone-else").jws().sign(signingKey()))
                .get("/api/v1/dossiers"));
        unauthorized(bearer(claims("oidc-officer-ls", "OFFICER", "Lạng Sơn").issuer("https://elsewhere.invalid").jws()
                .sign(signingKey())).get("/api/v1/dossiers"));
        unauthorized(bearer("not-a-token").get("/api/v1/dossiers"));
        // Public endpoints ignore a token they do not need, a bad one included.
        bearer("not-a-token").get("/api/v1/rules").then().statusCode(200);
    }

    @Test
    void theEmbeddedUsersStillSignInBesideTheTokens() {
        As.officerLangSon().get("/api/v1/dossiers").then().statusCode(200);
        RolesTest.problem(As.user("officer-ls", "wrong-password").get("/api/v1/dossiers"), 401);
    }
}
