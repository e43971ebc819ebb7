package vn.phendau.web;

/**
 * What every page's frame needs: the language ({@code <html lang>}), the address the language switch reloads,
 * the navigation entry that is current, the rule set the pages describe, and the CSRF token its forms carry.
 */
public record Page(String lang, String self, String nav, String rulesetVersion, String fingerprint, String csrf) {

    public boolean en() {
        return "en".equals(lang);
    }
}
