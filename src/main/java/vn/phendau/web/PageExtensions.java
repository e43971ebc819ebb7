package vn.phendau.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.phendau.assessment.Assessment;
import vn.phendau.assessment.Finding;
import vn.phendau.labels.Labels;
import vn.phendau.common.Text;
import vn.phendau.legal.Citation;
import vn.phendau.rules.Severity;

/** How values read on a page: texts in the page's language, numbers and dates as its readers write them. */
@TemplateExtension
public class PageExtensions {

    static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}|]+)(?:\\|([^{}]*))?}");

    /** A {vi, en} text in the language of the page. */
    static String localized(Text text, @TemplateAttribute("locale") Object locale) {
        return text == null ? "" : text.in(lang(locale));
    }

    /**
     * A rule's text as the catalog holds it, before a project fills it: each {placeholder} shown as a variable,
     * named in words in italics ("tên tỉnh", never "province"), the rest escaped. The marks of a part said only when its values are there
     * ("[[…]]") and the values named only for that test ({…|if}) are left out.
     */
    static RawString template(Text text, @TemplateAttribute("locale") Object locale) {
        String raw = localized(text, locale).replace("[[", "").replace("]]", "");
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(raw);
        int at = 0;
        while (m.find()) {
            out.append(escape(raw.substring(at, m.start())));
            if (!"if".equals(m.group(2))) {
                // In words, the key in a tooltip for those who write rules.
                out.append("<var title=\"").append(escape(m.group(1))).append("\">")
                        .append(escape(Labels.shipped().placeholder(m.group(1)).in(lang(locale)))).append("</var>");
            }
            at = m.end();
        }
        return new RawString(out.append(escape(raw.substring(at))).toString());
    }

    /**
     * A value of a finding's evidence or of a field change: numbers grouped, yes or no, lists joined, an object's
     * fields named. A JSON value (as assessed) and the same value as Jackson reads it back (a kept report) show the same.
     */
    static String shown(Object value, @TemplateAttribute("locale") Object locale) {
        String lang = lang(locale);
        if (value == null) {
            return "—";
        }
        if (value instanceof JsonNode node) {
            if (node.isNumber()) {
                return shown(node.numberValue(), locale);
            }
            if (node.isBoolean()) {
                return shown(node.booleanValue(), locale);
            }
            if (node.isTextual()) {
                return node.asText();
            }
            if (node.isArray()) {
                List<Object> items = new ArrayList<>();
                node.forEach(items::add);
                return shown(items, locale);
            }
            if (node.isObject()) {
                Map<String, Object> fields = new java.util.LinkedHashMap<>();
                node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                return shown(fields, locale);
            }
            return node.isNull() ? "—" : node.toString();
        }
        if (value instanceof Boolean b) {
            return b ? Pages.msg(lang).yes() : Pages.msg(lang).no();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            String s = value.toString();
            // Years and codes read as written; amounts and counts are grouped.
            return s.length() <= 4 ? s : NumberFormat.getIntegerInstance(Locale.forLanguageTag("en".equals(lang) ? "en" : "vi-VN")).format(value);
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag("en".equals(lang) ? "en" : "vi-VN"));
            f.setMaximumFractionDigits(4);
            return f.format(value);
        }
        if (value instanceof Text t) {
            return t.in(lang);
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return "—";
            }
            List<String> parts = new ArrayList<>();
            c.forEach(v -> parts.add(shown(v, locale)));
            return String.join("; ", parts);
        }
        if (value instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(k + ": " + shown(v, locale)));
            return String.join(", ", parts);
        }
        return value.toString();
    }

    static String date(LocalDate day, @TemplateAttribute("locale") Object locale) {
        return day == null ? "" : "en".equals(lang(locale))
                ? day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                : day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    static String date(String isoDay, @TemplateAttribute("locale") Object locale) {
        return date(LocalDate.parse(isoDay), locale);
    }

    static String time(Instant at, @TemplateAttribute("locale") Object locale) {
        return at == null ? "" : at.atZone(VIET_NAM).format("en".equals(lang(locale))
                ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")) + " (UTC+7)";
    }

    /** Where a citation points: "23/NQ-CP, III.2.g-1" or "Luật Đầu tư công số 58/2024/QH15, Điều 57". */
    static String label(Citation c) {
        String where = c.paragraph() != null ? c.paragraph() : c.article();
        // An article the published text could not confirm is null: the document alone is named.
        return where == null ? c.document() : c.document() + ", " + where;
    }

    /** A field's label in the page's language ("Ý kiến Bộ Ngoại giao" for defenseSecurity.foreignAffairsOpinion). */
    static String fieldLabel(String path, @TemplateAttribute("locale") Object locale) {
        return Labels.shipped().field(path).in(lang(locale));
    }

    /** A finding's value as a reviewer reads it, a list's items each on its own. */
    static List<String> evidenceItems(Map.Entry<String, Object> entry, @TemplateAttribute("locale") Object locale) {
        String lang = lang(locale);
        return Labels.shipped().items(entry.getKey(), entry.getValue()).stream().map(t -> t.in(lang)).toList();
    }

    /** A change of a remedy or of the path to compliance, as a sentence ("Bổ sung vào quy hoạch tỉnh"). */
    static String sentence(Finding.Change change, @TemplateAttribute("locale") Object locale) {
        return Labels.shipped().change(change.path(), change.value()).in(lang(locale));
    }

    /** Where the report quotes a citation once, in its legal basis. */
    static String basisAnchor(Citation c) {
        return LegalBasis.anchor(c);
    }

    /** Each paragraph or article the report's findings cite, once, in the order the findings first cite it. */
    static List<LegalBasis> legalBasis(Assessment a) {
        return LegalBasis.of(a.findings());
    }

    /** The id of a paragraph's place on the home page. */
    static String anchor(String paragraphId) {
        return "p-" + paragraphId;
    }

    /** "sha256:0123456789ab…": enough to tell rule sets apart at a glance. */
    static String shortened(String fingerprint) {
        return fingerprint.length() > 19 ? fingerprint.substring(0, 19) + "…" : fingerprint;
    }

    /** The findings by severity, most serious first; only the severities that have findings. */
    static List<SeverityGroup> bySeverity(List<Finding> findings) {
        List<SeverityGroup> groups = new ArrayList<>();
        for (Severity s : Severity.values()) {
            List<Finding> of = findings.stream().filter(f -> f.severity() == s).toList();
            if (!of.isEmpty()) {
                groups.add(new SeverityGroup(s, of));
            }
        }
        return groups;
    }

    public record SeverityGroup(Severity severity, List<Finding> findings) {
    }

    private static String lang(Object locale) {
        return locale instanceof Locale l && "en".equals(l.getLanguage()) ? "en"
                : locale != null && locale.toString().startsWith("en") ? "en" : "vi";
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
