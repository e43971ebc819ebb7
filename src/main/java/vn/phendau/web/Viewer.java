package vn.phendau.web;

import java.util.Locale;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Who is reading a page, as far as the page cares: the language, chosen by {@code ?lang=vi|en} and remembered in
 * the {@value #COOKIE} cookie ({@link LanguageCookie} sets it), Vietnamese by default.
 */
public class Viewer {

    public static final String COOKIE = "lang";

    @RestQuery("lang")
    String query;

    @RestCookie(COOKIE)
    String cookie;

    public String lang() {
        return chosen(query).orElse(chosen(cookie).orElse("vi"));
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    static java.util.Optional<String> chosen(String value) {
        return "vi".equals(value) || "en".equals(value) ? java.util.Optional.of(value) : java.util.Optional.empty();
    }
}
