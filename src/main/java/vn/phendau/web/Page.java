package vn.phendau.web;

/**
 * What every page's frame needs: the language ({@code <html lang>}), the address the language switch reloads,
 * the navigation entry that is current, the rule set the pages describe, and the CSRF token its forms carry.
 */
public record Page(String lang, String self, String nav, String rulesetVersion, String fingerprint,
                   java.util.function.Supplier<String> csrfToken) {

    /** The CSRF token, asked for only by a page with a form that changes state: only that page sets its cookie. */
    public String csrf() {
        return csrfToken == null ? null : csrfToken.get();
    }

    public boolean en() {
        return "en".equals(lang);
    }
}
