package vn.phendau.web;

/**
 * What every page's frame needs: the language ({@code <html lang>}), the address the language switch reloads,
 * the navigation entry that is current, and the rule set the pages describe.
 */
public record Page(String lang, String self, String nav, String rulesetVersion, String fingerprint) {

    public boolean en() {
        return "en".equals(lang);
    }
}
