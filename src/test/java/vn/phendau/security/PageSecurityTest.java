package vn.phendau.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.phendau.web.AssessPagesTest;

/** The pages' headers, the refusal of cross-site posts, the CSRF token, post/redirect/get, and the session cookie. */
@QuarkusTest
class PageSecurityTest {

    static String sample() throws Exception {
        return Files.readString(Path.of("samples/01-lang-son-duong-cua-khau-tan-thanh.json"));
    }

    static io.restassured.specification.MultiPartSpecification json() throws Exception {
        return new MultiPartSpecBuilder(sample()).controlName("json").charset(StandardCharsets.UTF_8).build();
    }

    static void securityHeaders(Response r) {
        assertThat(r.header("Content-Security-Policy"), equalTo("default-src 'self'; frame-ancestors 'none'"));
        assertThat(r.header("X-Content-Type-Options"), equalTo("nosniff"));
        assertThat(r.header("Referrer-Policy"), equalTo("same-origin"));
    }

    static void page(Response r, boolean noStore) {
        assertThat(r.asString(), r.statusCode(), equalTo(200));
        assertThat(r.contentType(), equalToIgnoringCase("text/html;charset=UTF-8"));
        securityHeaders(r);
        if (noStore) {
            assertThat(r.header("Cache-Control"), equalTo("no-store"));
        }
    }

    @Test
    void everyPageSendsTheHeadersAndReportAndDossierPagesAreNotCached() throws Exception {
        page(given().get("/"), false);
        page(given().get("/assess"), false);
        page(given().get("/login"), true);
        Response posted = AssessPagesTest.form().redirects().follow(false)
                .multiPart(new MultiPartSpecBuilder(sample()).controlName("json").charset(StandardCharsets.UTF_8).build())
                .post("/assess");
        assertThat(posted.asString(), posted.statusCode(), equalTo(303));
        String report = posted.header("Location");
        assertThat(report, matchesPattern(".*/reports/[0-9a-f-]{36}"));
        page(given().get(report), true);
        // Reloading the report reads it again; nothing is posted.
        page(given().get(report), true);

        String id = RolesTest.newId();
        As.officer().contentType("application/json").body(RolesTest.proposal(id, "Lạng Sơn")).post("/api/v1/dossiers")
                .then().statusCode(201);
        page(As.officer().get("/dossiers/" + id), true);
        securityHeaders(given().get("/api/v1/rules"));
    }

    @Test
    void aCrossSiteFormPostIsRefused() throws Exception {
        String form = "json=" + java.net.URLEncoder.encode(sample(), StandardCharsets.UTF_8);
        for (var headers : List.of(List.of("Origin", "https://evil.example"), List.of("Sec-Fetch-Site", "cross-site"),
                List.of("Origin", "null"))) {
            Response r = AssessPagesTest.form().header(headers.get(0), headers.get(1)).redirects().follow(false)
                    .multiPart(json()).post("/assess");
            assertThat(headers + ": " + r.asString(), r.statusCode(), equalTo(403));
            assertThat(r.contentType(), startsWith("application/problem+json"));
            assertThat(r.jsonPath().getString("message.vi"), equalTo("Không được phép"));
        }
        // As a plain form too, and to the sign-in and the API, with the credentials of a signed-in browser.
        given().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded").body(form)
                .post("/assess").then().statusCode(403);
        given().header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
                .body("j_username=reviewer&j_password=reviewer-pass").post("/j_security_check").then().statusCode(403);
        As.reviewer().header("Origin", "https://evil.example").contentType("application/json").body("{}")
                .post("/api/v1/dossiers/X/decisions").then().statusCode(403);

        // The same post from the service's own page goes through.
        Response own = AssessPagesTest.form().header("Sec-Fetch-Site", "same-origin").redirects().follow(false)
                .multiPart(json()).post("/assess");
        assertThat(own.asString(), own.statusCode(), equalTo(303));
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
        Response none = given().redirects().follow(false).multiPart(json()).post("/assess");
        assertThat(none.statusCode(), equalTo(403));
        assertThat(none.contentType(), startsWith("application/problem+json"));
        Response other = given().cookie(Csrf.COOKIE, "a".repeat(43)).multiPart(Csrf.FIELD, "b".repeat(43))
                .redirects().follow(false).multiPart(json()).post("/assess");
        assertThat(other.statusCode(), equalTo(403));

        // The form page sets the cookie and writes the same token into the form.
        Response form = given().get("/assess");
        String token = form.cookie(Csrf.COOKIE);
        assertThat(token, matchesPattern("[A-Za-z0-9_-]{43}"));
        assertThat(form.asString(), containsString("name=\"csrf\" value=\"" + token + "\""));
        String setCookie = form.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Csrf.COOKIE)).findFirst().orElseThrow();
        assertThat(setCookie.toLowerCase(), containsString("httponly"));
        assertThat(setCookie, containsString("SameSite=Strict"));
        assertThat(setCookie, not(containsString("Secure")));
        given().cookie(Csrf.COOKIE, token).multiPart(Csrf.FIELD, token).multiPart(json()).redirects().follow(false)
                .post("/assess").then().statusCode(303);
    }

    /** The login form as a browser posts it: with the token the login page wrote into it, and that page's cookie. */
    static io.restassured.specification.RequestSpecification loginForm(String name, String password) {
        Response login = given().get("/login");
        String token = login.cookie(Csrf.COOKIE);
        assertThat(login.asString(), containsString("name=\"csrf\" value=\"" + token + "\""));
        return given().redirects().follow(false).cookie(Csrf.COOKIE, token).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", name).formParam("j_password", password).formParam(Csrf.FIELD, token);
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        // Right name and password, but no token, or another one: no session, and back to a fresh login form.
        Response none = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("j_username=reviewer&j_password=reviewer-pass").post("/j_security_check");
        Response other = given().redirects().follow(false).cookie(Csrf.COOKIE, "a".repeat(43)).contentType("application/x-www-form-urlencoded")
                .body("j_username=reviewer&j_password=reviewer-pass&csrf=" + "b".repeat(43)).post("/j_security_check");
        Response cookieOnly = given().redirects().follow(false).cookie(Csrf.COOKIE, "a".repeat(43))
                .contentType("application/x-www-form-urlencoded").body("j_username=reviewer&j_password=reviewer-pass")
                .post("/j_security_check");
        for (Response r : List.of(none, other, cookieOnly)) {
            assertThat(r.statusCode(), equalTo(302));
            assertThat(r.header("Location"), containsString("/login?error=stale"));
            assertThat(r.cookie("phendau-session"), nullValue());
        }
        Response stale = given().get("/login?error=stale");
        assertThat(stale.statusCode(), equalTo(403));
        assertThat(stale.asString(), containsString("Biểu mẫu đã hết hạn"));
        assertThat(stale.asString(), containsString("name=\"csrf\""));
        // Not a guess at a password: no failed sign-in is recorded for it.
        List<String> failed = As.auditor().queryParam("action", "SIGN_IN_FAILED").queryParam("size", 100).get("/api/v1/audit")
                .jsonPath().getList("items.subject");
        assertThat(failed, not(hasItem("user:csrf-less")));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("j_username=csrf-less&j_password=whatever").post("/j_security_check").then().statusCode(302);
        failed = As.auditor().queryParam("action", "SIGN_IN_FAILED").queryParam("size", 100).get("/api/v1/audit")
                .jsonPath().getList("items.subject");
        assertThat(failed, not(hasItem("user:csrf-less")));

        // With its token, the same form signs in.
        Response signedIn = loginForm("reviewer", "reviewer-pass").post("/j_security_check");
        assertThat(signedIn.statusCode(), equalTo(302));
        assertThat(signedIn.header("Location"), not(containsString("error")));
        given().cookie("phendau-session", signedIn.cookie("phendau-session")).get("/api/v1/dossiers").then().statusCode(200);
    }

    @Test
    void withOidcOffTheLoginPageOffersNoProvider() {
        // The default: no provider is configured, so the login page has only the embedded users' form (OidcCodeFlowTest
        // signs in through one).
        assertThat(given().get("/login").asString(), not(containsString("/login/oidc")));
        Response provider = given().redirects().follow(false).get("/login/oidc");
        // Nothing signs in there: Quarkus sends the browser to the login page, as for any page that needs sign-in.
        assertThat(provider.headers().toString(), provider.statusCode(), equalTo(302));
        assertThat(provider.header("Location"), endsWith("/login"));
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOverHttps() {
        Response signedIn = loginForm("reviewer", "reviewer-pass").post("/j_security_check");
        assertThat(signedIn.statusCode(), equalTo(302));
        String session = signedIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("phendau-session=")).findFirst()
                .orElseThrow();
        assertThat(session.toLowerCase(), containsString("httponly"));
        assertThat(session.toLowerCase(), containsString("samesite=lax"));
        assertThat(session, not(containsString("Secure")));
        // The session reads a dossier page as the reviewer.
        given().cookie("phendau-session", signedIn.cookie("phendau-session")).get("/api/v1/dossiers").then().statusCode(200);

        // Behind a proxy that terminates HTTPS, the same cookie is Secure.
        Response https = loginForm("reviewer", "reviewer-pass").header("X-Forwarded-Proto", "https").post("/j_security_check");
        List<String> cookies = https.headers().getValues("Set-Cookie");
        assertThat(cookies.stream().filter(c -> c.startsWith("phendau-session=")).findFirst().orElseThrow(), containsString("Secure"));

        // A wrong password goes back to the login page, which says so.
        Response wrong = loginForm("reviewer", "nope").post("/j_security_check");
        assertThat(wrong.statusCode(), equalTo(302));
        assertThat(wrong.header("Location"), containsString("/login?error=true"));
        assertThat(wrong.cookie("phendau-session"), nullValue());
        List<String> failed = As.auditor().queryParam("action", "SIGN_IN_FAILED").get("/api/v1/audit").jsonPath().getList("items.subject");
        assertThat(failed, hasItem("user:reviewer"));
    }
}
