package vn.phendau.rules;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The rules that fired in one run of the engine, which is all a consequence records ({@code hits.add(kcontext)}).
 * Everything a finding says (criterion, severity, points, citations, explanation) is the rule's metadata, filled
 * with the project's values after the engine has run. A global rather than an inserted fact: no rule matches on a
 * firing, and a fact would go through the network, be stored and be reset for nothing, for every rule fired.
 */
public final class Hits {

    /** The name every rule file declares the global by. */
    static final String GLOBAL = "hits";

    private final List<String> ruleIds = new ArrayList<>();

    public void add(RuleContext kcontext) {
        ruleIds.add(kcontext.getRule().getName());
    }

    List<String> ruleIds() {
        return ruleIds;
    }
}
