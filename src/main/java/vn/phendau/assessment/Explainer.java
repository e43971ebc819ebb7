package vn.phendau.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.phendau.common.Json;
import vn.phendau.common.Text;
import vn.phendau.common.TextJson;

/**
 * Fills a rule's text with the project's own values: "{investment.totalVnd|vnd}" becomes "95 tỷ đồng" in
 * Vietnamese and "VND 95 billion" in English. Formats: vnd (money), pct (a share), raw (as written: years, codes); by default labels, numbers, text.
 * <p>
 * A part in double brackets, "[[; hạng mục {features}]]", is said only when every value it names is there: not
 * absent, not an empty list or blank text, not false, not zero. So a text never says "hạng mục: không có" of a
 * project with no features, or "khu bảo tồn (không)" of one that touches none. The format {@code if} names a
 * value only for that test and writes nothing: "[[{environment.protectedArea|if}chạm khu bảo tồn]]".
 */
@ApplicationScoped
public class Explainer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.\\[\\]*]+)(?:\\|(\\w+))?}");
    private static final DecimalFormatSymbols VI = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));
    private static final DecimalFormatSymbols EN = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    private final Map<String, String[]> labels;

    public Explainer() {
        labels = new java.util.HashMap<>();
        Json.resource("reference/vocabulary.json").get("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), new String[] {e.getValue().get(0).asText(), e.getValue().get(1).asText()}));
    }

    /**
     * The template with each {name} replaced by values.apply(name), formatted for each language. Parsed at each
     * call: it serves the few portfolio findings of a list; a rule rendered per assessment is compiled once.
     */
    public Text render(Text template, Function<String, Object> values) {
        return compile(template).render(values);
    }

    public Text label(String code) {
        String[] l = labels.get(code);
        return l == null ? Text.of(code, code) : Text.of(l[0], l[1]);
    }

    /** A template parsed once into literal and placeholder parts, for a text rendered many times (a rule's). */
    public Template compile(Text template) {
        return new Template(template, parse(template.vi()), parse(template.en()));
    }

    /**
     * One part of a template: literal text, or a {name|format} placeholder. Every placeholder of the same name and
     * format has the same slot, whatever template it is in: a value is formatted once per subject (see {@link Values});
     * and every placeholder of the same name the same value slot: it is looked up once per subject.
     */
    private record Part(String literal, String name, String format, int slot, int value) {
        static final Part OPEN = new Part(null, null, null, -1, -1);
        static final Part CLOSE = new Part(null, null, null, -2, -1);
    }

    private static final String OPEN = "[[";
    private static final String CLOSE = "]]";

    /** The slot of each distinct placeholder ("name|format"), numbered as templates are parsed. */
    private final Map<String, Integer> slots = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger nextSlot = new java.util.concurrent.atomic.AtomicInteger();

    /** Distinct even when lists parse their portfolio texts on several threads at once. */
    private int slot(String name, String format) {
        return slots.computeIfAbsent(name + "|" + format, k -> nextSlot.getAndIncrement());
    }

    /** The value slot of each name a template, a rule's evidence or a remedy names. */
    private final Map<String, Integer> valueSlots = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger nextValueSlot = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The slot of a value's name, fixed when a rule is compiled, so that each subject finds the value in an array
     * instead of by its name. Only for names a rule states (bounded in number), not for paths made per proposal
     * ("location.communes[3].borderCommune"): those go by name.
     */
    int valueSlot(String name) {
        return valueSlots.computeIfAbsent(name, k -> nextValueSlot.getAndIncrement());
    }

    /**
     * A source of values that finds a value by its name's slot ({@link #valueSlot}): how a name is found is then
     * worked out once per slot, not once per look-up.
     */
    interface BySlot {
        Object value(int slot, String name);
    }

    /**
     * One subject's values, the one memo of them: each looked up at most once, for the texts and the evidence of
     * all of an assessment's findings, and each formatted at most once per language. The findings name the same few
     * values ({sector}, {features}, {province}) again and again.
     */
    public final class Values {
        private static final Object NONE = new Object();

        private final Function<String, Object> source;
        private final BySlot bySlot;
        /** By value slot: null not yet looked up, NONE looked up and absent. */
        private Object[] looked;
        /** The values named by a path no rule states (an element of a list), by name. */
        private Map<String, Object> byName;
        private String[] formatted;

        public Values(Function<String, Object> source) {
            this(source, null);
        }

        /** @param bySlot the same values, found by their slot when a name has one (see {@link BySlot}) */
        Values(Function<String, Object> source, BySlot bySlot) {
            this.source = source;
            this.bySlot = bySlot;
        }

        /** The value named, looked up on first use. */
        public Object value(String name) {
            Integer slot = valueSlots.get(name);
            if (slot != null) {
                return value(slot, name);
            }
            if (byName == null) {
                byName = new java.util.HashMap<>();
            }
            Object v = byName.get(name);
            if (v == null) {
                v = source.apply(name);
                byName.put(name, v == null ? NONE : v);
                return v;
            }
            return v == NONE ? null : v;
        }

        /** The value of a name by its slot ({@link #valueSlot}), looked up on first use. */
        Object value(int slot, String name) {
            if (looked == null || slot >= looked.length) {
                looked = java.util.Arrays.copyOf(looked == null ? new Object[0] : looked,
                        Math.max(slot + 1, nextValueSlot.get()));
            }
            Object v = looked[slot];
            if (v == null) {
                v = bySlot != null ? bySlot.value(slot, name) : source.apply(name);
                looked[slot] = v == null ? NONE : v;
                return v;
            }
            return v == NONE ? null : v;
        }

        /** Whether a value is there to be said: not absent, empty, blank, false or zero (see the class comment). */
        boolean present(Part part) {
            Object v = plain(value(part.value(), part.name()));
            return v != null && !(v instanceof Collection<?> c && c.isEmpty())
                    && !(v instanceof CharSequence t && t.toString().isBlank())
                    && !(v instanceof Text t && t.vi().isBlank())
                    && !Boolean.FALSE.equals(v) && !(v instanceof Number n && n.doubleValue() == 0);
        }

        String text(Part part, boolean vi) {
            if ("if".equals(part.format())) {
                return "";
            }
            int i = part.slot() * 2 + (vi ? 0 : 1);
            if (formatted == null || i >= formatted.length) {
                formatted = java.util.Arrays.copyOf(formatted == null ? new String[0] : formatted,
                        Math.max(i + 2, nextSlot.get() * 2));
            }
            String s = formatted[i];
            if (s == null) {
                s = format(value(part.value(), part.name()), part.format(), vi);
                formatted[i] = s;
            }
            return s;
        }
    }

    public final class Template {
        private final Text text;
        private final Part[] vi;
        private final Part[] en;

        private Template(Text text, Part[] vi, Part[] en) {
            this.text = text;
            this.vi = vi;
            this.en = en;
            if (vi == null && en == null) {
                // The same in every answer: written from bytes encoded once.
                TextJson.known(text);
            }
        }

        /** The text in both languages; a text without placeholders is itself, not a copy. */
        public Text render(Function<String, Object> values) {
            return render(new Values(values));
        }

        /** The text in both languages, with the subject's values formatted once for all of its texts. */
        public Text render(Values values) {
            if (vi == null && en == null) {
                return text;
            }
            return Text.of(vi == null ? text.vi() : fill(vi, values, true),
                    en == null ? text.en() : fill(en, values, false));
        }

        /**
         * A text this template rendered, said again as the template's words with numbered slots and the values that
         * fill them, for an answer by reference (README, "Citations by reference"): the words are the same for every
         * finding of a rule, the values are the project's own. Null when the text has no value to put in, or cannot be
         * said so (it is not this template's, or its words have braces of their own). A value whose name is
         * {@code constant} (the same for every project assessed on a day: a law's name) is said in the words.
         */
        public Form form(Text rendered, java.util.function.Predicate<String> constant) {
            if (vi == null && en == null) {
                return null;
            }
            Filled v = vi == null ? Filled.plain(text.vi()) : new Unfill(vi, rendered.vi(), constant).filled();
            Filled e = en == null ? Filled.plain(text.en()) : new Unfill(en, rendered.en(), constant).filled();
            if (v == null || e == null || v.values().isEmpty() && e.values().isEmpty()) {
                return null;
            }
            return new Form(Text.of(v.words(), e.words()), v.values(), e.values());
        }
    }

    /**
     * A text as words with slots {0}, {1}, … and the values for them, in each language: the words filled with the
     * values, each {n} replaced by the n-th value, give the text back exactly.
     */
    public record Form(Text words, List<String> vi, List<String> en) {

        /**
         * The words filled with the values: what a client does with a text sent as a form. Every brace in words is
         * a slot's (a text whose own words have one gets no form), so the slots are found without a pattern: this
         * checks every form made, once per explanation of a list's answer.
         */
        public static String fill(String words, List<String> values) {
            StringBuilder out = new StringBuilder(words.length() + 64);
            int at = 0;
            for (int open = words.indexOf('{'); open >= 0; open = words.indexOf('{', at)) {
                int close = words.indexOf('}', open);
                out.append(words, at, open).append(values.get(Integer.parseInt(words, open + 1, close, 10)));
                at = close + 1;
            }
            return out.append(words, at, words.length()).toString();
        }
    }

    /** One language's words and values; a value said twice has one slot. */
    private record Filled(String words, List<String> values) {
        static Filled plain(String text) {
            return text.indexOf('{') >= 0 || text.indexOf('}') >= 0 ? null : new Filled(text, List.of());
        }
    }

    /**
     * Finds how a template's parts lie in a text it rendered: where each value begins and ends, and which parts in
     * double brackets were said. A value ends where the literal after it begins; when a literal occurs in a value too
     * ("Lộc Việt, Cam Yên" before ", "), the next occurrence is tried. Any way that gives the text back is right,
     * since the words and values are checked to give it back; the tries are bounded, and past them there is no form.
     */
    private static final class Unfill {
        private static final int TRIES = 10_000;

        private final Part[] parts;
        private final String text;
        private final int[] start;
        private final int[] end;
        private final boolean[] said;
        private final java.util.function.Predicate<String> constant;
        private int tries;

        Unfill(Part[] parts, String text, java.util.function.Predicate<String> constant) {
            this.parts = parts;
            this.text = text;
            this.constant = constant;
            this.start = new int[parts.length];
            this.end = new int[parts.length];
            this.said = new boolean[parts.length];
        }

        Filled filled() {
            if (text == null || !match(0, 0)) {
                return null;
            }
            StringBuilder words = new StringBuilder(text.length());
            List<String> values = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                Part part = parts[i];
                if (part == Part.OPEN) {
                    if (!said[i]) {
                        while (parts[i] != Part.CLOSE) {
                            i++;
                        }
                    }
                } else if (part.literal() != null) {
                    if (part.literal().indexOf('{') >= 0 || part.literal().indexOf('}') >= 0) {
                        return null;
                    }
                    words.append(part.literal());
                } else if (part != Part.CLOSE && !"if".equals(part.format())) {
                    String value = text.substring(start[i], end[i]);
                    if (constant.test(part.name()) && value.indexOf('{') < 0 && value.indexOf('}') < 0) {
                        words.append(value);
                        continue;
                    }
                    int slot = values.indexOf(value);
                    if (slot < 0) {
                        slot = values.size();
                        values.add(value);
                    }
                    words.append('{').append(slot).append('}');
                }
            }
            Filled filled = new Filled(words.toString(), values);
            return Form.fill(filled.words(), values).equals(text) ? filled : null;
        }

        private boolean match(int i, int at) {
            if (++tries > TRIES) {
                return false;
            }
            if (i == parts.length) {
                return at == text.length();
            }
            Part part = parts[i];
            if (part == Part.OPEN) {
                said[i] = true;
                if (match(i + 1, at)) {
                    return true;
                }
                said[i] = false;
                int close = i;
                while (parts[close] != Part.CLOSE) {
                    close++;
                }
                return match(close + 1, at);
            }
            if (part == Part.CLOSE) {
                return match(i + 1, at);
            }
            if (part.literal() != null) {
                return text.startsWith(part.literal(), at) && match(i + 1, at + part.literal().length());
            }
            start[i] = at;
            if ("if".equals(part.format())) {
                end[i] = at;
                return match(i + 1, at);
            }
            String next = i + 1 < parts.length ? parts[i + 1].literal() : null;
            for (int e = at; e <= text.length() && tries <= TRIES; e++) {
                if (next != null) {
                    e = text.indexOf(next, e);
                    if (e < 0) {
                        return false;
                    }
                }
                end[i] = e;
                if (match(i + 1, e)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The parts joined: String.join sizes the text once, in the coding its parts need, where a StringBuilder would
     * start in Latin-1, grow to two bytes a character at the first Vietnamese letter, then be copied into the String.
     */
    private static String fill(Part[] parts, Values values, boolean vi) {
        String[] pieces = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Part part = parts[i];
            if (part == Part.OPEN) {
                int close = i + 1;
                boolean said = true;
                while (parts[close] != Part.CLOSE) {
                    said &= parts[close].literal() != null || values.present(parts[close]);
                    close++;
                }
                pieces[i] = "";
                if (!said) {
                    for (int j = i + 1; j <= close; j++) {
                        pieces[j] = "";
                    }
                    i = close;
                }
            } else if (part == Part.CLOSE) {
                pieces[i] = "";
            } else {
                pieces[i] = part.literal() != null ? part.literal() : values.text(part, vi);
            }
        }
        return String.join("", pieces);
    }

    /** The parts of a template, or null when it has no placeholder. */
    private Part[] parse(String template) {
        List<Part> parts = new ArrayList<>();
        int open = template.indexOf(OPEN);
        if (open < 0) {
            if (template.contains(CLOSE)) {
                throw new IllegalArgumentException("']]' without '[[' in: " + template);
            }
            parsePlain(template, parts);
        } else {
            int at = 0;
            while (open >= 0) {
                int close = template.indexOf(CLOSE, open + OPEN.length());
                if (close < 0 || template.substring(open + OPEN.length(), close).contains(OPEN)
                        || template.substring(at, open).contains(CLOSE)) {
                    throw new IllegalArgumentException("'[[' and ']]' must pair, unnested, in: " + template);
                }
                parsePlain(template.substring(at, open), parts);
                parts.add(Part.OPEN);
                parsePlain(template.substring(open + OPEN.length(), close), parts);
                parts.add(Part.CLOSE);
                at = close + CLOSE.length();
                open = template.indexOf(OPEN, at);
            }
            if (template.substring(at).contains(CLOSE)) {
                throw new IllegalArgumentException("']]' without '[[' in: " + template);
            }
            parsePlain(template.substring(at), parts);
        }
        if (parts.stream().allMatch(p -> p.literal() != null)) {
            return null;
        }
        return parts.toArray(Part[]::new);
    }

    private void parsePlain(String template, List<Part> parts) {
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(template.substring(at, m.start()), null, null, -1, -1));
            }
            parts.add(new Part(null, m.group(1), m.group(2), slot(m.group(1), m.group(2)), valueSlot(m.group(1))));
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(new Part(template.substring(at), null, null, -1, -1));
        }
    }

    String format(Object value, String fmt, boolean vi) {
        Object v = plain(value);
        if (v == null) {
            return labels.get("null")[vi ? 0 : 1];
        }
        if (v instanceof Text t) {
            return vi ? t.vi() : t.en();
        }
        if ("raw".equals(fmt)) {
            return String.valueOf(v);
        }
        if (v instanceof Collection<?> c && c.isEmpty()) {
            return labels.get("none")[vi ? 0 : 1];
        }
        if ("vnd".equals(fmt) && v instanceof Number n) {
            return money(n.doubleValue(), vi);
        }
        if ("pct".equals(fmt) && v instanceof Number n) {
            return number(n.doubleValue() * 100, 1, vi) + "%";
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(x -> parts.add(format(x, fmt, vi)));
            return String.join(", ", parts);
        }
        if (v instanceof Number n) {
            return number(n.doubleValue(), 2, vi);
        }
        String s = v instanceof Enum<?> e ? e.name() : String.valueOf(v);
        String[] l = labels.get(s);
        return l == null ? s : l[vi ? 0 : 1];
    }

    /** JSON values as plain Java ones; an object (a commune, a source) by its name or type. */
    private static Object plain(Object value) {
        if (!(value instanceof JsonNode n)) {
            return value;
        }
        if (n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (n.isObject()) {
            return n.has("name") ? n.get("name").asText() : n.path("type").asText(n.toString());
        }
        return n.asText();
    }

    static String money(double vnd, boolean vi) {
        if (vnd >= 1e9) {
            return vi ? number(vnd / 1e9, 2, true) + " tỷ đồng" : "VND " + number(vnd / 1e9, 2, false) + " billion";
        }
        if (vnd >= 1e6) {
            return vi ? number(vnd / 1e6, 2, true) + " triệu đồng" : "VND " + number(vnd / 1e6, 2, false) + " million";
        }
        return vi ? number(vnd, 0, true) + " đồng" : "VND " + number(vnd, 0, false);
    }

    /** A whole number with its thousands grouped: the common case, without DecimalFormat. */
    private static String grouped(long n, char separator) {
        StringBuilder out = new StringBuilder(24);
        if (n < 0) {
            out.append('-');
        }
        appendGrouped(out, Long.toString(Math.abs(n)), separator);
        return out.toString();
    }

    private static void appendGrouped(StringBuilder out, String digits, char separator) {
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(separator).append(digits, i, i + 3);
        }
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

    /** DecimalFormat is not thread-safe and costly to build: one per thread, language and number of decimals. */
    private static final ThreadLocal<DecimalFormat[]> FORMATS = ThreadLocal.withInitial(() -> new DecimalFormat[6]);

    /**
     * As DecimalFormat("#,##0.##…") writes the number rounded half up to that many decimals, in vi or en: thousands
     * grouped, trailing zeros of the fraction dropped. Written by hand: DecimalFormat took a few percent of an
     * assessment. A value too large for a long falls back to DecimalFormat; ExplainerTest holds the two to one answer.
     */
    static String number(double x, int decimals, boolean vi) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return grouped((long) x, vi ? '.' : ',');
        }
        // The decimal digits of the double as Double.toString gives them, rounded half up: what DecimalFormat was given.
        BigDecimal rounded = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP);
        java.math.BigInteger unscaled = rounded.unscaledValue();
        if (decimals < POWERS_OF_TEN.length && unscaled.bitLength() < 63) {
            long u = unscaled.longValue();
            long whole = Math.abs(u) / POWERS_OF_TEN[decimals];
            long fraction = Math.abs(u) % POWERS_OF_TEN[decimals];
            StringBuilder out = new StringBuilder(32);
            if (u < 0) {
                out.append('-');
            }
            appendGrouped(out, Long.toString(whole), vi ? '.' : ',');
            if (fraction != 0) {
                int digits = decimals;
                while (fraction % 10 == 0) {
                    fraction /= 10;
                    digits--;
                }
                out.append(vi ? ',' : '.');
                String f = Long.toString(fraction);
                for (int i = f.length(); i < digits; i++) {
                    out.append('0');
                }
                out.append(f);
            }
            return out.toString();
        }
        return formatted(rounded, decimals, vi);
    }

    /** The same number through DecimalFormat: for the values too large for {@link #number}'s own, and for its test. */
    static String formatted(BigDecimal rounded, int decimals, boolean vi) {
        DecimalFormat[] cache = FORMATS.get();
        int slot = decimals * 2 + (vi ? 0 : 1);
        if (slot >= cache.length) {
            return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), vi ? VI : EN).format(rounded);
        }
        if (cache[slot] == null) {
            cache[slot] = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals), vi ? VI : EN);
        }
        return cache[slot].format(rounded);
    }
}
