package vn.phendau.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The CSRF token of the pages' forms that change state (the assessment form, a decision, signing in and out): a double-submit
 * token. A random value is kept in the {@value #COOKIE} cookie (HttpOnly, SameSite=Strict) and written into each form
 * as the hidden field {@value #FIELD}; a post is taken only when the two are equal. Another website can make a browser
 * post a form, but can neither read nor set this site's cookie, so it cannot know the value. On top of it,
 * {@link PageGuard} refuses any state-changing request a browser marks as cross-site.
 */
public final class Csrf {

    public static final String COOKIE = "phendau-csrf";
    public static final String FIELD = "csrf";
    private static final String KEY = "phendau.csrf";
    /** Set on a login form's request whose token was wrong: {@link PageGuard} sends the browser back to a fresh form. */
    static final String LOGIN_REFUSED = "phendau.csrf.login-refused";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The token for the page being written: the browser's own, or a new one set as its cookie. */
    public static String token(RoutingContext ctx) {
        String token = ctx.get(KEY);
        if (token != null) {
            return token;
        }
        Cookie sent = ctx.request().getCookie(COOKIE);
        if (sent != null && TOKEN.matcher(sent.getValue()).matches()) {
            token = sent.getValue();
        } else {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(PageGuard.https(ctx.request())));
        }
        ctx.put(KEY, token);
        return token;
    }

    /** Whether a form's posted token is the cookie's. */
    public static boolean matches(RoutingContext ctx, String posted) {
        Cookie sent = ctx.request().getCookie(COOKIE);
        return sent != null && posted != null && MessageDigest.isEqual(sent.getValue().getBytes(StandardCharsets.US_ASCII),
                posted.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** Refuses (403) a form post whose token is missing or not the cookie's. */
    public static void check(RoutingContext ctx, String posted) {
        if (!matches(ctx, posted)) {
            throw SecurityProblems.forbidden("biểu mẫu thiếu mã chống giả mạo (CSRF) hoặc mã đã hết hạn; hãy tải lại trang rồi gửi lại",
                    "the form's anti-forgery (CSRF) token is missing or stale; reload the page and send it again");
        }
    }
}
