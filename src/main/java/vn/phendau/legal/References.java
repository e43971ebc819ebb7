package vn.phendau.legal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.phendau.common.Text;
import vn.phendau.common.TextReferences;

/**
 * One answer "by reference" ({@code ?citations=ref} or {@code Prefer: return=minimal}): each citation is written as
 * its id ("III.2.g-1" for a paragraph of the resolution, "58/2024/QH15 Điều 57" for another law: its number and article), each text as its id ("t1"), and the answer ends with the {@code legal} map (id →
 * the citation as the default answer has it, its text quoted once) and the {@code texts} map (id → {vi, en}). A list
 * has one for the whole answer, so a paragraph is quoted once per list, not once per finding of every item.
 * <p>
 * The texts are kept until the answer ends; past {@link #maxTextChars} characters a new text is written in full
 * instead, so that a list of texts that never repeat does not hold them all.
 * <p>
 * What every finding of a rule, every checklist entry of a criterion and every score group says alike is written once
 * too ({@link #compact}): the {@code rules}, {@code criteria} and {@code scoreGroups} maps hold those members as
 * the first one written had them, and each finding, entry or group leaves out a member whose value is its map
 * entry's. A finding's evidence is its values in the order of its rule's {@code evidence} names, and the members
 * that are empty by default (no missing field, no remedy) are left out. The checklist keeps only the entries the
 * findings do not say: a criterion's entry is the outcome and severity of its first finding (the findings come
 * most serious first), or NOT_APPLICABLE when no rule of it fired. The maps hold one entry per rule, criterion and group of the rule base, so
 * they stay small however long the list.
 */
public final class References implements TextReferences {

    private final Map<Citation, String> citations = new HashMap<>();
    private final Map<String, Citation> legal = new LinkedHashMap<>();
    private final Map<Text, String> textIds = new HashMap<>();
    private final Map<String, Text> texts = new LinkedHashMap<>();
    private final Map<Text, String> templateIds = new HashMap<>();
    /** The words of the explanations sent as words and values: a few per rule, so never full. */
    private final Map<String, Text> templates = new LinkedHashMap<>();
    private final long maxTextChars;
    private long textChars;
    /** A Bloom filter of the texts {@link #again} was asked about: a list's answer meets some millions. */
    private final java.util.BitSet asked;
    private final int askedMask;
    /** Per rule id: criterion, outcome, severity, points, title, and the names of its evidence, as first written. */
    private final Map<String, ObjectNode> rules = new LinkedHashMap<>();
    /** Per criterion, in the checklist's order: its title. */
    private final Map<String, ObjectNode> criteria = new LinkedHashMap<>();
    /** Per score group: its title and its cap. */
    private final Map<String, ObjectNode> scoreGroups = new LinkedHashMap<>();

    /** The rule set of the first assessment: the one every assessment of the answer was made by, said once. */
    private ObjectNode ruleset;

    private static final List<String> RULE_MEMBERS = List.of("criterion", "outcome", "severity", "points", "title", "citations");
    private static final List<String> CRITERION_MEMBERS = List.of("title");
    private static final List<String> SCORE_GROUP_MEMBERS = List.of("title", "max");

    public References(long maxTextChars) {
        this.maxTextChars = maxTextChars;
        // 4 MB for a list (about 1% of yes by mistake after two million texts), 512 bytes for one assessment.
        int bits = maxTextChars == Long.MAX_VALUE ? 1 << 12 : 1 << 25;
        this.asked = new java.util.BitSet(bits);
        this.askedMask = bits - 1;
    }

    /** For one assessment: every text by reference. */
    public References() {
        this(Long.MAX_VALUE);
    }

    /** The mapper's writer that writes by reference into this. */
    public ObjectWriter writer(ObjectMapper mapper) {
        return mapper.writer().withAttribute(ATTRIBUTE, this);
    }

    /**
     * The citation's id: its paragraph, or its document's number and article (without the amending text's name, in
     * brackets: the legal map says it), and "#2" after it for a second text of the same place (a provision's later
     * version, or an article of two texts of one number).
     */
    public String cite(Citation c) {
        String id = citations.get(c);
        if (id == null) {
            // The resolution's paragraphs by their own ids ("III.2.g-1"), as the pages and the criteria name them;
            // another law by its name and article.
            String where = c.paragraph() != null ? c.paragraph() : c.article();
            String base = LegalText.RESOLUTION.equals(c.document()) && c.paragraph() != null ? c.paragraph()
                    : where == null ? number(c.document()) : number(c.document()) + " " + NOTE.matcher(where).replaceFirst("");
            id = base;
            for (int n = 2; legal.containsKey(id); n++) {
                id = base + " #" + n;
            }
            citations.put(c, id);
            legal.put(id, c);
        }
        return id;
    }

    /** A legal document's number ("58/2024/QH15", "34/2014/NĐ-CP"): the first in its name, which names the text cited. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+/(\\d{4}/)?\\p{Lu}[\\p{L}0-9-]*");
    /** What an article's citation adds in brackets (the text that amended it): the legal map says it in full. */
    private static final java.util.regex.Pattern NOTE = java.util.regex.Pattern.compile("\\s*\\(.*\\)$");

    /** The document by its number, as lawyers cite it; by its name when it has none. */
    private static String number(String document) {
        java.util.regex.Matcher m = NUMBER.matcher(document);
        return m.find() ? m.group() : document;
    }

    @Override
    public String text(Text text) {
        String id = textIds.get(text);
        if (id == null) {
            long chars = (text.vi() == null ? 0 : text.vi().length()) + (text.en() == null ? 0 : text.en().length());
            if (textChars + chars > maxTextChars) {
                return null;
            }
            textChars += chars;
            id = "t" + Integer.toString(texts.size() + 1, 36);
            textIds.put(text, id);
            texts.put(id, text);
        }
        return id;
    }

    @Override
    public boolean again(Text text) {
        int h1 = text.vi() == null ? 0 : text.vi().hashCode();
        int h2 = (text.en() == null ? 0 : text.en().hashCode()) * 0x9E3779B1 + h1;
        int a = (h1 ^ h1 >>> 16) & askedMask;
        int b = (h2 ^ h2 >>> 15) & askedMask;
        boolean seen = asked.get(a) && asked.get(b);
        asked.set(a);
        asked.set(b);
        return seen;
    }

    @Override
    public String template(Text words) {
        String id = templateIds.get(words);
        if (id == null) {
            id = "m" + Integer.toString(templates.size() + 1, 36);
            templateIds.put(words, id);
            templates.put(id, words);
        }
        return id;
    }

    /** The ids of the citations written so far, in the order first cited. */
    public Map<String, Citation> legal() {
        return legal;
    }

    public Map<String, Text> texts() {
        return texts;
    }

    /** The maps that end the answer, by member name: legal, texts, templates, rules, criteria, scoreGroups. */
    public Map<String, Map<String, ?>> maps() {
        Map<String, Map<String, ?>> maps = new LinkedHashMap<>();
        maps.put("legal", legal);
        maps.put("texts", texts);
        maps.put("templates", templates);
        maps.put("rules", rules);
        maps.put("criteria", criteria);
        maps.put("scoreGroups", scoreGroups);
        if (ruleset != null) {
            Map<String, JsonNode> set = new LinkedHashMap<>();
            ruleset.fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue()));
            maps.put("ruleset", set);
        }
        return maps;
    }

    /** Writes the members {@code "legal": {…}, "texts": {…}, "templates": …, "rules": …, "criteria": …, "scoreGroups": …} into the object the generator is in. */
    public void writeMaps(JsonGenerator gen, ObjectMapper mapper) throws IOException {
        for (Map.Entry<String, Map<String, ?>> map : maps().entrySet()) {
            gen.writeFieldName(map.getKey());
            mapper.writeValue(gen, map.getValue());
        }
    }

    /**
     * Each assessment in the tree (an answer as the writer by reference wrote it: one assessment, a filing, a list's
     * item) made compact, see the class comment. Anything that is not an assessment is left as it is.
     */
    public void compact(JsonNode node) {
        if (node instanceof ObjectNode o && o.get("findings") instanceof ArrayNode findings
                && o.get("checklist") instanceof ArrayNode checklist) {
            // Each criterion's first finding, as it was before the finding was made compact.
            Map<String, JsonNode> firstFinding = new HashMap<>();
            for (JsonNode f : findings) {
                if (f instanceof ObjectNode finding && finding.get("ruleId") != null) {
                    if (finding.get("criterion") != null) {
                        firstFinding.putIfAbsent(finding.get("criterion").asText(), finding.deepCopy());
                    }
                    finding(finding);
                }
            }
            ArrayNode said = JsonNodeFactory.instance.arrayNode();
            for (JsonNode c : checklist) {
                if (c instanceof ObjectNode entry && entry.get("criterion") != null) {
                    String criterion = entry.get("criterion").asText();
                    shared(criteria, criterion, entry, CRITERION_MEMBERS);
                    JsonNode first = firstFinding.get(criterion);
                    if (first == null ? "NOT_APPLICABLE".equals(entry.path("outcome").asText()) && entry.path("severity").isNull()
                            : first.path("outcome").equals(entry.path("outcome")) && first.path("severity").equals(entry.path("severity"))) {
                        // What the findings say already: the outcome and severity of the criterion's first finding,
                        // NOT_APPLICABLE when no rule of it fired.
                        continue;
                    }
                }
                said.add(c);
            }
            o.set("checklist", said);
            if (o.get("scoreBreakdown") instanceof ArrayNode groups) {
                List<String> names = new java.util.ArrayList<>();
                for (JsonNode g : groups) {
                    if (g instanceof ObjectNode group && group.get("group") != null) {
                        shared(scoreGroups, group.get("group").asText(), group, SCORE_GROUP_MEMBERS);
                        names.add(group.get("group").asText());
                    }
                }
                if (names.size() == groups.size() && names.equals(List.copyOf(scoreGroups.keySet()))) {
                    // Every group, in the map's order: the ones that earned nothing go without saying.
                    ArrayNode earned = JsonNodeFactory.instance.arrayNode();
                    for (JsonNode g : groups) {
                        if (!(g.size() == 2 && g.path("points").isIntegralNumber() && g.path("points").asInt() == 0)) {
                            earned.add(g);
                        }
                    }
                    o.set("scoreBreakdown", earned);
                }
            }
            if (o.get("pathToCompliance") instanceof ObjectNode path) {
                for (String member : List.of("changes", "remaining")) {
                    if (path.get(member) instanceof ArrayNode none && none.isEmpty()) {
                        path.remove(member);
                    }
                }
            }
            if (o.get("ruleset") instanceof ObjectNode set) {
                if (ruleset == null) {
                    ruleset = set;
                }
                if (ruleset.equals(set)) {
                    o.remove("ruleset");
                }
            }
            return;
        }
        if (node != null && node.isContainerNode()) {
            node.forEach(this::compact);
        }
    }

    private void finding(ObjectNode finding) {
        ObjectNode rule = shared(rules, finding.get("ruleId").asText(), finding, RULE_MEMBERS);
        if (finding.get("evidence") instanceof ObjectNode evidence) {
            if (rule.get("evidence") == null) {
                ArrayNode names = rule.putArray("evidence");
                evidence.fieldNames().forEachRemaining(names::add);
            }
            if (sameNames(evidence, rule.get("evidence"))) {
                ArrayNode values = JsonNodeFactory.instance.arrayNode(evidence.size());
                evidence.forEach(values::add);
                finding.set("evidence", values);
            }
        }
        if (finding.get("missingFields") instanceof ArrayNode missing && missing.isEmpty()) {
            finding.remove("missingFields");
        }
        if (finding.get("remedy") != null && finding.get("remedy").isNull()) {
            finding.remove("remedy");
        }
    }

    /** Whether the evidence names exactly the fields of the rule's, in the same order. */
    private static boolean sameNames(ObjectNode evidence, JsonNode names) {
        if (names.size() != evidence.size()) {
            return false;
        }
        Iterator<String> it = evidence.fieldNames();
        for (JsonNode name : names) {
            if (!it.hasNext() || !it.next().equals(name.asText())) {
                return false;
            }
        }
        return true;
    }

    /** The key's entry (the item's members if it is the first), with each member the item shares with it removed from the item. */
    private static ObjectNode shared(Map<String, ObjectNode> map, String key, ObjectNode item, List<String> members) {
        ObjectNode entry = map.get(key);
        if (entry == null) {
            entry = JsonNodeFactory.instance.objectNode();
            for (String m : members) {
                if (item.get(m) != null) {
                    entry.set(m, item.get(m));
                }
            }
            map.put(key, entry);
        }
        for (String m : members) {
            if (entry.get(m) != null && entry.get(m).equals(item.get(m))) {
                item.remove(m);
            }
        }
        return entry;
    }
}
