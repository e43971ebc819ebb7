package vn.phendau.rules;

import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence inserts: which rule fired. Everything a finding says (criterion, severity, points,
 * citations, explanation) is the rule's metadata, filled with the project's values after the engine has run.
 */
public record Hit(String ruleId) {

    public static Hit of(RuleContext context) {
        return new Hit(context.getRule().getName());
    }
}
