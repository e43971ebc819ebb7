package vn.phendau.reference;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.phendau.common.Json;
import vn.phendau.common.TextMemo;
import vn.phendau.common.VietnameseText;

/**
 * The provincial units before and after the 2025 reorganisation (reference/provinces.json). A name is
 * matched in any form an office writes it: old or new, with or without diacritics or the "Tỉnh" prefix,
 * or by its pre-2025 code.
 */
@ApplicationScoped
public class Provinces {

    public record Province(String name, List<String> neighbours, List<String> formerly, boolean landBorder) {
    }

    /**
     * A resolved name: the unit today, and the former province the input named, if it named one; and, on the
     * assessment date, whether the place had a land border and with which neighbours. Before the reorganisation
     * a name means the province of the 63-province map (25 with a land border): "Đồng Nai" in 2024 is the old
     * Đồng Nai, without a border; from it, the unit of the 34-province map (22 with a land border).
     */
    public record Match(String input, Province province, String formerly, boolean formerHadLandBorder,
                        boolean landBorder, List<String> neighbours) {
    }

    private static final Pattern PREFIX = Pattern.compile("^(tinh|thanh pho|tp)\\s+");
    private static final Pattern DISTRICT_PREFIX = Pattern.compile("^huyen\\s+");

    private final List<Province> units = new ArrayList<>();
    private final Map<String, Province> byCurrentName = new LinkedHashMap<>();
    private final Map<String, Map.Entry<String, Province>> byFormerName = new LinkedHashMap<>();
    private final Map<String, String> codes = new LinkedHashMap<>();
    private final Set<String> landBorderBefore2025;
    /** Names the 63-province map gave a unit that today's name does not (Huế was Thừa Thiên Huế), folded. */
    private final Map<String, String> namesBefore2025 = new java.util.HashMap<>();
    private final Set<String> cities;
    private final LocalDate reorganisedOn;
    /** Former districts (reference/districts.json), folded, to the province of the old map each belonged to. */
    private final Map<String, String> districts = new java.util.HashMap<>();
    /**
     * The key of every name the reference data writes, worked out once: most proposals name their province just
     * so, and folding (Unicode normalisation and three regular expressions) is the costly part of a look-up.
     */
    private final Map<String, String> knownKeys = new java.util.HashMap<>();
    /** Every folded name a suggestion may come from, today's first, to the name it shows. */
    private final Map<String, String> suggestible;

    public Provinces() {
        JsonNode data = Json.resource("reference/provinces.json");
        for (JsonNode p : data.get("current")) {
            add(p, true);
        }
        for (JsonNode p : data.get("withoutLandBorder")) {
            add(p, false);
        }
        landBorderBefore2025 = names(data.at("/before2025/names")).stream().map(VietnameseText::fold).collect(Collectors.toSet());
        data.at("/before2025/sameUnitAs").fields().forEachRemaining(e ->
                namesBefore2025.put(VietnameseText.fold(e.getKey()), VietnameseText.fold(e.getValue().asText())));
        cities = names(data.at("/cities/names")).stream().map(VietnameseText::fold).collect(Collectors.toSet());
        reorganisedOn = LocalDate.parse(data.get("reorganisedOn").asText());
        data.at("/codesBefore2025/codes").fields().forEachRemaining(e -> codes.put(e.getKey(), e.getValue().asText()));
        for (Province unit : units) {
            java.util.stream.Stream.of(List.of(unit.name()), unit.formerly(), unit.neighbours()).flatMap(List::stream)
                    .forEach(name -> knownKeys.put(name, key(name)));
        }
        for (JsonNode d : Json.resource("reference/districts.json").get("districts")) {
            String name = d.get("name").asText();
            String province = d.get("province").asText();
            // A district spelt like a province would never reach the suggestions, and one whose province does not
            // resolve would suggest a name the service then refuses: either is a mistake in the data.
            if (resolve(name).isPresent() || resolve(province).isEmpty()) {
                throw new IllegalStateException("reference/districts.json: " + name + " / " + province);
            }
            districts.put(VietnameseText.fold(name), province);
        }
        Map<String, String> display = new LinkedHashMap<>();
        byCurrentName.forEach((k, p) -> display.putIfAbsent(k, p.name()));
        byFormerName.forEach((k, e) -> display.putIfAbsent(k, e.getKey()));
        suggestible = java.util.Collections.unmodifiableMap(display);
    }

    private void add(JsonNode p, boolean landBorder) {
        Province unit = new Province(p.get("name").asText(), names(p.path("neighbours")), names(p.path("formerly")), landBorder);
        units.add(unit);
        byCurrentName.put(VietnameseText.fold(unit.name()), unit);
        for (String alias : names(p.path("aliases"))) {
            byCurrentName.put(VietnameseText.fold(alias), unit);
        }
        for (String former : unit.formerly()) {
            byFormerName.put(VietnameseText.fold(former), Map.entry(former, unit));
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The name resolved as today's map has it: which unit it names, whatever the day (what validation asks). */
    public Optional<Match> resolve(String input) {
        return resolveOn(input, LocalDate.MAX);
    }

    /** The name resolved on the day: the province of the map in force then. */
    public Optional<Match> resolveOn(String input, LocalDate day) {
        String key = knownKeys.get(input);
        if (key == null) {
            key = key(input);
        }
        if (codes.containsKey(key)) {
            key = VietnameseText.fold(codes.get(key));
        }
        boolean before = day.isBefore(reorganisedOn);
        Province current = byCurrentName.get(key);
        Map.Entry<String, Province> former = byFormerName.get(key);
        if (before && (former != null || current != null)) {
            // On the old map the name is an old province, even where today's unit has the same name.
            Province unit = former != null ? former.getValue() : current;
            String oldName = former != null ? former.getKey() : unit.name();
            boolean hadBorder = landBorderBefore2025.contains(namesBefore2025.getOrDefault(key, key));
            // An unchanged province (today's unit is the old one) is not called "formerly" anything.
            String formerly = unit.formerly().size() <= 1 && oldName.equals(unit.name()) ? null : oldName;
            return Optional.of(new Match(input, unit, formerly, hadBorder, hadBorder,
                    hadBorder ? unit.neighbours() : List.of()));
        }
        if (current != null) {
            return Optional.of(new Match(input, current, null, current.landBorder(), current.landBorder(), current.neighbours()));
        }
        if (former != null) {
            boolean hadBorder = landBorderBefore2025.contains(key);
            Province unit = former.getValue();
            return Optional.of(new Match(input, unit, former.getKey(), hadBorder, unit.landBorder(), unit.neighbours()));
        }
        return Optional.empty();
    }

    /**
     * The names closest to what was typed, for the "did you mean" of an unknown province. A name that shares the
     * first word comes before one that is only a few letters away: "Lạng Giang" is nearer Lạng Sơn than An Giang,
     * though "Giang" and "Sơn" differ more than "Lạng" and "An" do. Vietnamese place names end in many of the same
     * words (Giang, Bình, Nam), so the first word tells more. A former district's name is known for certain,
     * though: its province comes first, then that province's unit today ("Lạng Giang": Bắc Giang, Bắc Ninh).
     */
    public List<String> suggest(String input, int count) {
        String key = key(input);
        String first = firstWord(key);
        List<String> known = new ArrayList<>();
        String province = districts.get(DISTRICT_PREFIX.matcher(key).replaceFirst(""));
        if (province != null) {
            known.add(province);
            resolve(province).ifPresent(m -> known.add(m.province().name()));
        }
        // Each name's distance worked out once, not at each comparison of the sort: a list's rows with a misspelt
        // province asked for it about seven times a name (BENCHMARKS.md).
        record Ranked(String display, int firstWordDiffers, int distance) {
        }
        return java.util.stream.Stream.concat(known.stream(), suggestible.entrySet().stream()
                .map(e -> new Ranked(e.getValue(), first.equals(firstWord(e.getKey())) ? 0 : 1, VietnameseText.distance(key, e.getKey())))
                .sorted(Comparator.comparingInt(Ranked::firstWordDiffers).thenComparingInt(Ranked::distance))
                .map(Ranked::display)).distinct().limit(count).toList();
    }

    private static String firstWord(String folded) {
        int space = folded.indexOf(' ');
        return space < 0 ? folded : folded.substring(0, space);
    }

    /**
     * The name the project's place had on the day: a former province named in the input is still that province
     * before the reorganisation (its plan is that province's plan), and today's unit after it.
     */
    public String nameOn(Match match, LocalDate day) {
        return match.formerly() != null && day.isBefore(reorganisedOn) ? match.formerly() : match.province().name();
    }

    /** The 63 provinces of the map before the reorganisation, by their two-digit codes. */
    public Map<String, String> codes() {
        return java.util.Collections.unmodifiableMap(codes);
    }

    public boolean isCity(String name) {
        return cities.contains(folded(name));
    }

    public List<Province> units() {
        return List.copyOf(units);
    }

    private String key(String input) {
        String bare = PREFIX.matcher(folded(input)).replaceFirst("");
        return bare.matches("\\d{1,2}") ? String.format("%02d", Integer.parseInt(bare)) : bare;
    }

    /** Spellings as clients send them, folded once each; past the schema's 100 characters a name is refused anyway. */
    private final TextMemo<String> folds = new TextMemo<>(VietnameseText::fold, 4096, 100);

    private String folded(String input) {
        return folds.get(input);
    }
}
