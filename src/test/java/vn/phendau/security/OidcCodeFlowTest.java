package vn.phendau.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages signed in through an OIDC provider (the authorization-code flow), against {@link TestOidcProvider} on
 * loopback: a browser is sent to the provider from the login page, comes back signed in with the token's roles and
 * province, is held to them on the pages, and signs out. Bearer tokens keep working on the API beside it (hybrid).
 */
@QuarkusTest
@TestProfile(OidcCodeFlowTest.Provider.class)
class OidcCodeFlowTest {

    public static class Provider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestOidcProvider.class));
        }
    }

    /** A browser: cookies kept per host, redirects followed one by one so that each step can be checked. */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final String base = "http://localhost:" + RestAssured.port;

        HttpResponse<String> get(String address) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base).resolve(address)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String address, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base).resolve(address))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Follows the redirects from an answer, to the first that is not one; the steps' statuses and addresses. */
        HttpResponse<String> follow(HttpResponse<String> r, List<String> steps) throws Exception {
            while (r.statusCode() / 100 == 3) {
                String to = r.headers().firstValue("Location").orElseThrow();
                steps.add(r.statusCode() + " " + to);
                r = get(r.uri().resolve(to).toString());
            }
            return r;
        }

        /** Signs in through the provider as the given user, from a page that needs sign-in; the page's answer. */
        HttpResponse<String> signIn(String page, TestOidcProvider.User user, List<String> steps) throws Exception {
            TestOidcProvider.next(user);
            HttpResponse<String> login = follow(get(page), steps);
            assertThat(steps.toString(), login.uri().getPath(), equalTo("/login"));
            assertThat(login.body(), containsString("href=\"/login/oidc\""));
            return follow(get("/login/oidc"), steps);
        }

        static String csrf(String page) {
            Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(page, m.find(), equalTo(true));
            return m.group(1);
        }
    }

    static String filed(RestAssuredUser officer, String province) throws Exception {
        String id = RolesTest.newId();
        officer.spec().contentType("application/json").body(RolesTest.proposal(id, province)).post("/api/v1/dossiers")
                .then().statusCode(201);
        return id;
    }

    interface RestAssuredUser {
        io.restassured.specification.RequestSpecification spec();
    }

    @Test
    void aReviewerSignsInAtTheProviderAndDecidesOnTheDossierPage() throws Exception {
        String id = filed(As::officerLangSon, "Lạng Sơn");
        Browser browser = new Browser();
        List<String> steps = new java.util.ArrayList<>();
        HttpResponse<String> page = browser.signIn("/dossiers/" + id,
                new TestOidcProvider.User("oidc-reviewer-ls", "REVIEWER", "lang son"), steps);

        // To the provider, back with its code, Quarkus's session made, then back to the page that asked.
        assertThat(steps.toString(), steps.stream().anyMatch(s -> s.startsWith("302 http://127.0.0.1:")
                && s.contains("/realms/phendau/auth?")), equalTo(true));
        assertThat(steps.toString(), steps.stream().anyMatch(s -> s.contains("/login/oidc?code=")), equalTo(true));
        assertThat(steps.toString(), steps.get(steps.size() - 1), endsWith("/dossiers/" + id));
        assertThat(steps.toString(), steps.get(steps.size() - 1), startsWith("303 http://localhost:" + RestAssured.port + "/"));
        assertThat(page.body(), page.statusCode(), equalTo(200));
        assertThat(page.body(), containsString("oidc-reviewer-ls"));
        assertThat(page.body(), containsString("id=\"decision-form\""));

        String form = "csrf=" + Browser.csrf(page.body()) + "&outcome=RETURN_FOR_INFORMATION&reason="
                + URLEncoder.encode(DecisionsTest.REASON, StandardCharsets.UTF_8);
        HttpResponse<String> decided = browser.post("/dossiers/" + id + "/decisions", form);
        assertThat(decided.body(), decided.statusCode(), equalTo(303));
        As.auditor().get("/api/v1/dossiers/" + id + "/decisions").then().statusCode(200)
                .body("decidedBy", hasItem("oidc-reviewer-ls"));
    }

    @Test
    void anOfficerSignedInAtTheProviderSeesItsOwnProvinceOnly() throws Exception {
        String ls = filed(As::officerLangSon, "Lạng Sơn");
        String cb = filed(As::officerCaoBang, "Cao Bằng");
        Browser browser = new Browser();
        HttpResponse<String> own = browser.signIn("/dossiers/" + ls,
                new TestOidcProvider.User("oidc-officer-ls", "OFFICER", "Lạng Sơn"), new java.util.ArrayList<>());
        assertThat(own.body(), own.statusCode(), equalTo(200));
        assertThat(own.body(), not(containsString("id=\"decision-form\"")));
        assertThat(browser.get("/dossiers/" + cb).statusCode(), equalTo(404));
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSigningOutForgetsIt() throws Exception {
        String id = filed(As::officerLangSon, "Lạng Sơn");
        Browser browser = new Browser();
        TestOidcProvider.next(new TestOidcProvider.User("oidc-auditor", "AUDITOR", null));
        List<String> steps = new java.util.ArrayList<>();
        browser.get("/login");
        HttpResponse<String> r = browser.get("/login/oidc");
        String session = null;
        while (r.statusCode() / 100 == 3) {
            for (String c : r.headers().allValues("Set-Cookie")) {
                if (c.startsWith("q_session=")) {
                    session = c;
                }
            }
            steps.add(r.statusCode() + " " + r.headers().firstValue("Location").orElseThrow());
            r = browser.get(r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString());
        }
        assertThat(steps.toString(), session, org.hamcrest.Matchers.notNullValue());
        assertThat(session.toLowerCase(java.util.Locale.ROOT), containsString("; httponly"));
        assertThat(session.toLowerCase(java.util.Locale.ROOT), containsString("; samesite=lax"));
        assertThat(steps.toString(), steps.get(steps.size() - 1), equalTo("303 http://localhost:" + RestAssured.port + "/"));
        HttpResponse<String> page = browser.get("/dossiers/" + id);
        assertThat(page.statusCode(), equalTo(200));

        HttpResponse<String> out = browser.post("/logout", "csrf=" + Browser.csrf(page.body()));
        assertThat(out.statusCode(), equalTo(303));
        assertThat(out.headers().allValues("Set-Cookie").toString(), out.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("q_session=") && c.contains("Max-Age=0")), equalTo(true));
        HttpResponse<String> after = browser.get("/dossiers/" + id);
        assertThat(after.statusCode(), equalTo(303));
        assertThat(after.headers().firstValue("Location").orElseThrow(), endsWith("/login"));
    }

    @Test
    void theApiStillAnswers401ProblemAndTakesTheProvidersBearerTokens() throws Exception {
        String id = filed(As::officerLangSon, "Lạng Sơn");
        // Without credentials the API is not sent to the provider: 401 problem+json, as without OIDC.
        BearerTokenContract.unauthorized(RestAssured.given().redirects().follow(false).get("/api/v1/dossiers/" + id));
        String token = TestOidcProvider.accessToken(new TestOidcProvider.User("oidc-auditor", "AUDITOR", null));
        RestAssured.given().auth().oauth2(token).get("/api/v1/dossiers/" + id).then().statusCode(200);
        // A session cookie that is not (or no longer) Quarkus's own is as none: the login page, and 401 on the API.
        Response page = RestAssured.given().redirects().follow(false).cookie("q_session", "not-a-session")
                .get("/dossiers/" + id);
        assertThat(page.statusCode() + " " + page.header("Location"), page.header("Location"), endsWith("/login"));
        BearerTokenContract.unauthorized(RestAssured.given().redirects().follow(false).cookie("q_session", "not-a-session")
                .get("/api/v1/dossiers/" + id));
        // Embedded users keep signing in with HTTP Basic beside the provider.
        As.auditor().get("/api/v1/dossiers/" + id).then().statusCode(200);
    }
}
