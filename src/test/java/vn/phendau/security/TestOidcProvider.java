package vn.phendau.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider for the code-flow tests, on loopback and in this JVM: discovery, keys, an authorization
 * endpoint that signs in whoever the test names ({@link #next}) without a page of its own, and a token endpoint that
 * checks the client's secret and the code. Its tokens are signed with the test key under src/test/resources/oidc.
 * The platform's own test server (quarkus-test-oidc-server) is not on Maven Central for 3.34.1; this is the part of
 * a provider the service uses, nothing more.
 */
public class TestOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT = "phendau";
    static final String SECRET = "phendau-test-client-secret";
    static final String REALM = "/realms/phendau";

    /** Who signs in at the next visit to the authorization endpoint: name, role and province (null for all). */
    record User(String name, String role, String province) {
    }

    private static volatile User next;
    /** The codes given and not yet exchanged, each with its user and the nonce the service sent, if any. */
    private static final Map<String, Map<String, String>> CODES = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private static String issuer;

    static void next(User user) {
        next = user;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        server.createContext(REALM + "/.well-known/openid-configuration", x -> json(x, 200, Map.of(
                "issuer", issuer,
                "authorization_endpoint", issuer + "/auth",
                "token_endpoint", issuer + "/token",
                "jwks_uri", issuer + "/keys",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        server.createContext(REALM + "/keys", x -> json(x, 200, Map.of("keys", List.of(jwk()))));
        server.createContext(REALM + "/auth", TestOidcProvider::authorize);
        server.createContext(REALM + "/token", TestOidcProvider::token);
        server.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", issuer);
        config.put("quarkus.oidc.client-id", CLIENT);
        config.put("quarkus.oidc.credentials.secret", SECRET);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Signs in the user the test named and sends the browser back to the service with a code, as a provider would. */
    private static void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        User user = next;
        if (user == null || !CLIENT.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || q.get("redirect_uri") == null) {
            json(x, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, String> grant = new HashMap<>();
        grant.put("name", user.name());
        grant.put("role", user.role());
        grant.put("redirect_uri", q.get("redirect_uri"));
        if (user.province() != null) {
            grant.put("province", user.province());
        }
        if (q.get("nonce") != null) {
            grant.put("nonce", q.get("nonce"));
        }
        CODES.put(code, grant);
        String back = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code=" + code
                + (q.get("state") == null ? "" : "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.getResponseHeaders().set("Location", back);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private static void token(HttpExchange x) throws IOException {
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        boolean client = basic.equals(x.getRequestHeaders().getFirst("Authorization"))
                || (CLIENT.equals(form.get("client_id")) && SECRET.equals(form.get("client_secret")));
        if (!client) {
            json(x, 401, Map.of("error", "invalid_client"));
            return;
        }
        Map<String, String> grant = CODES.remove(String.valueOf(form.get("code")));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null
                || !grant.get("redirect_uri").equals(form.get("redirect_uri"))) {
            json(x, 400, Map.of("error", "invalid_grant"));
            return;
        }
        try {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", sign(claims(grant).audience(CLIENT)));
            JwtClaimsBuilder id = claims(grant).audience(CLIENT);
            if (grant.get("nonce") != null) {
                id.claim("nonce", grant.get("nonce"));
            }
            answer.put("id_token", sign(id));
            answer.put("token_type", "Bearer");
            answer.put("expires_in", 300);
            json(x, 200, answer);
        } catch (Exception e) {
            json(x, 500, Map.of("error", "server_error", "error_description", String.valueOf(e)));
        }
    }

    /** An access token as this provider issues one, for the API's bearer tests. */
    static String accessToken(User user) throws Exception {
        Map<String, String> grant = new HashMap<>();
        grant.put("name", user.name());
        grant.put("role", user.role());
        if (user.province() != null) {
            grant.put("province", user.province());
        }
        return sign(claims(grant).audience(CLIENT));
    }

    private static JwtClaimsBuilder claims(Map<String, String> grant) {
        long now = Instant.now().getEpochSecond();
        JwtClaimsBuilder claims = Jwt.issuer(issuer).subject("sub-" + grant.get("name")).preferredUserName(grant.get("name"))
                .claim("groups", List.of(grant.get("role"))).issuedAt(now).expiresAt(now + 300);
        if (grant.get("province") != null) {
            claims.claim("province", grant.get("province"));
        }
        return claims;
    }

    private static String sign(JwtClaimsBuilder claims) throws Exception {
        return claims.jws().keyId("test").sign(BearerTokenContract.signingKey());
    }

    private static Map<String, Object> jwk() {
        try {
            byte[] der = Base64.getDecoder().decode(BearerTokenContract.pemBody(BearerTokenContract.KEYS.resolve("test-public-key.pem")));
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return Map.of("kty", "RSA", "kid", "test", "use", "sig", "alg", "RS256",
                    "n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void json(HttpExchange x, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
