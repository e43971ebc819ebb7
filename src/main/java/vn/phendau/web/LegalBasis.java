package vn.phendau.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.phendau.assessment.Finding;
import vn.phendau.legal.Citation;

/**
 * A paragraph or article as a report quotes it: once, at the end, with the rules that cite it. A finding names it
 * and links to it; a paragraph of some 150 words quoted under every finding that cites it made a report of one
 * project twenty pages long.
 */
public record LegalBasis(String anchor, Citation citation, List<String> ruleIds) {

    static List<LegalBasis> of(List<Finding> findings) {
        Map<String, Citation> cited = new LinkedHashMap<>();
        Map<String, List<String>> by = new LinkedHashMap<>();
        for (Finding f : findings) {
            List<Citation> all = new ArrayList<>(f.citations());
            if (f.remedy() != null && f.remedy().basis() != null) {
                all.add(f.remedy().basis());
            }
            for (Citation c : all) {
                String anchor = anchor(c);
                cited.putIfAbsent(anchor, c);
                List<String> rules = by.computeIfAbsent(anchor, k -> new ArrayList<>());
                if (!rules.contains(f.ruleId())) {
                    rules.add(f.ruleId());
                }
            }
        }
        List<LegalBasis> out = new ArrayList<>(cited.size());
        cited.forEach((anchor, c) -> out.add(new LegalBasis(anchor, c, List.copyOf(by.get(anchor)))));
        return out;
    }

    /**
     * "law-23-NQ-CP-III.2.g-1": the document and the place in it, in the letters an id and a link keep as they are;
     * đ as dd, since a resolution's points run d, đ, e.
     */
    static String anchor(Citation c) {
        String where = c.paragraph() != null ? c.paragraph() : c.article();
        String raw = c.document() + (where == null ? "" : "-" + where);
        String plain = Normalizer.normalize(raw.replace("đ", "dd").replace("Đ", "DD"), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return "law-" + plain.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-|-$", "");
    }
}
