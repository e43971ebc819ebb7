package vn.phendau.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.phendau.common.Text;
import vn.phendau.labels.Labels;
import vn.phendau.problem.Problem;
import vn.phendau.template.ListTemplate;
import vn.phendau.web.FormFields.Field;
import vn.phendau.web.FormFields.Widget;

/**
 * The proposal form as a page shows it, everything already in the page's language: each section, each input with
 * its label, help, value, choices and the problems that concern it. A problem goes to the input its path names; a
 * path that names no input (a missing part, a row) goes to the nearest part that is shown, and only a problem about
 * the whole proposal stays at the top.
 */
public record FormView(List<SectionView> sections, List<PlacedProblem> problems, String problemsTitle,
                       List<String> topProblems, boolean fresh, List<Samples.Sample> samples, String sample,
                       String loadJson, List<String> loadProblems) {

    public record SectionView(String key, String id, String title, List<FieldView> fields, List<String> problems) {
    }

    /**
     * @param widget the kind of input, lower case ("text", "amount", "yes_no", "select", "checks", "rows", …)
     * @param rows for a list of objects: each row's cells (fields named with the row's index)
     * @param columns for a list of objects: the cells' labels, for the table's head
     */
    public record FieldView(String name, String id, String widget, String label, String help, String value,
                            List<Option> options, List<String> problems, boolean required, List<List<FieldView>> rows,
                            List<String> columns, String addLabel, String noneLabel, boolean none) {

        /** The name of the list's "none" box (a list known to be empty, not unknown). */
        public String noneName() {
            return FormValues.NONE + name;
        }

        public boolean invalid() {
            return !problems.isEmpty();
        }

        public boolean is(String kind) {
            return widget.equals(kind);
        }
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** A problem with the input it is shown beside (its id, for the summary's link). */
    public record PlacedProblem(String target, String path, String message) {
    }

    public boolean hasProblems() {
        return !problems.isEmpty() || !topProblems.isEmpty();
    }

    static final class Builder {
        private final FormFields fields;
        private final Labels labels;
        private final List<String> provinces;
        private final String lang;
        private final Msg msg;

        Builder(FormFields fields, Labels labels, List<String> provinces, String lang) {
            this.fields = fields;
            this.labels = labels;
            this.provinces = provinces;
            this.lang = lang;
            this.msg = Pages.msg(lang);
        }

        FormView build(FormValues values, Text title, List<Problem> problems, List<Samples.Sample> samples, String sample,
                       String loadJson, List<Problem> loadProblems) {
            Map<String, List<String>> at = new LinkedHashMap<>();
            List<PlacedProblem> placed = new ArrayList<>();
            List<String> top = new ArrayList<>();
            java.util.Set<String> targets = targets(values);
            for (Problem p : problems) {
                String message = p.message().in(lang);
                Optional<String> target = target(p.path(), targets);
                if (target.isPresent()) {
                    at.computeIfAbsent(target.get(), k -> new ArrayList<>()).add(message);
                    placed.add(new PlacedProblem(id(target.get()), p.path(), message));
                } else {
                    top.add(("$".equals(p.path()) ? "" : p.path() + ": ") + message);
                }
            }
            List<SectionView> sections = new ArrayList<>();
            for (FormFields.Section s : fields.sections()) {
                List<FieldView> views = new ArrayList<>();
                for (Field f : s.fields()) {
                    views.add(view(f, f.path(), values, at));
                }
                sections.add(new SectionView(s.key(), "section-" + s.key(), sectionTitle(s.key()), views,
                        at.getOrDefault("section:" + s.key(), List.of())));
            }
            return new FormView(sections, placed, title == null ? "" : title.in(lang), top, values.isEmpty() && problems.isEmpty(),
                    samples, sample, loadJson == null ? "" : loadJson,
                    loadProblems.stream().map(p -> ("$".equals(p.path()) ? "" : p.path() + ": ") + p.message().in(lang)).toList());
        }

        private String sectionTitle(String key) {
            Function<Msg, String> title = switch (key) {
                case "general" -> Msg::formGeneral;
                case "location" -> Msg::formLocation;
                case "sector" -> Msg::formSector;
                case "investment" -> Msg::formInvestment;
                case "schedule" -> Msg::formSchedule;
                case "planning" -> Msg::formPlanning;
                case "defenseSecurity" -> Msg::formDefense;
                case "urgency" -> Msg::formUrgency;
                case "impact" -> Msg::formImpact;
                default -> null;
            };
            return title != null ? title.apply(msg) : labels.field(key).in(lang);
        }

        /** Every name a problem can be shown at: inputs, lists, their rows, and the sections. */
        private java.util.Set<String> targets(FormValues values) {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (FormFields.Section s : fields.sections()) {
                out.add("section:" + s.key());
                for (Field f : s.fields()) {
                    out.add(f.path());
                    if (f.widget() == Widget.ROWS) {
                        for (int i = 0; i < values.rowsShown(f.path()); i++) {
                            for (Field c : f.items()) {
                                out.add(f.path() + "[" + i + "]." + c.leaf());
                            }
                        }
                    }
                }
            }
            return out;
        }

        /**
         * The input a problem's path names, or the nearest shown part: investment.sources[3].type without a fourth
         * row goes to the sources, "investment" (missing) to its section.
         */
        private Optional<String> target(String path, java.util.Set<String> targets) {
            String p = path.startsWith("$.") ? path.substring(2) : path;
            while (!p.isEmpty() && !"$".equals(p)) {
                if (targets.contains(p)) {
                    return Optional.of(p);
                }
                String top = p.split("[.\\[]", 2)[0];
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                if (cut <= 0) {
                    String section = FormFields.SECTION_OF.get(top);
                    if (section == null && fields.sections().stream().anyMatch(s -> s.key().equals(top))) {
                        section = top;
                    }
                    if (section == null && fields.byPath().containsKey(top)) {
                        section = "general";
                    }
                    return section == null ? Optional.empty() : Optional.of("section:" + section);
                }
                p = p.substring(0, cut);
            }
            return Optional.empty();
        }

        static String id(String name) {
            return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        }

        private FieldView view(Field f, String name, FormValues values, Map<String, List<String>> at) {
            Text label = labels.field(f.path());
            String help = labels.help(f.path()).map(t -> t.in(lang)).orElse("");
            List<String> problems = at.getOrDefault(name, List.of());
            String widget = f.widget().name().toLowerCase(java.util.Locale.ROOT);
            return switch (f.widget()) {
                case ROWS -> {
                    List<List<FieldView>> rows = new ArrayList<>();
                    for (int i = 0; i < values.rowsShown(f.path()); i++) {
                        List<FieldView> cells = new ArrayList<>();
                        for (Field c : f.items()) {
                            cells.add(view(c, f.path() + "[" + i + "]." + c.leaf(), values, at));
                        }
                        rows.add(cells);
                    }
                    List<String> columns = f.items().stream().map(c -> labels.field(c.path()).in(lang)).toList();
                    yield new FieldView(name, id(name), widget, label.in(lang), help, "", List.of(), problems, f.required(),
                            rows, columns, msg.addRow(label.in(lang)), msg.noneOf(label.in(lang)), values.none(f.path()));
                }
                case CHECKS -> {
                    List<String> ticked = values.ticked(name);
                    List<Option> options = f.codes().stream()
                            .map(c -> new Option(c, ListTemplate.shown(labels.value(f.path(), c), lang), ticked.contains(c))).toList();
                    yield new FieldView(name, id(name), widget, label.in(lang), help, "", options, problems, f.required(),
                            List.of(), List.of(), "", msg.noneOf(label.in(lang)), values.none(f.path()));
                }
                case SELECT -> {
                    String v = values.value(name);
                    List<Option> options = new ArrayList<>();
                    options.add(new Option("", msg.notChosen(), v.isBlank()));
                    f.codes().forEach(c -> options.add(new Option(c, ListTemplate.shown(labels.value(f.path(), c), lang), c.equals(v))));
                    if (!v.isBlank() && !f.codes().contains(v)) {
                        options.add(new Option(v, v, true));   // kept as it came (from a loaded JSON), for the schema to judge
                    }
                    yield plain(f, name, widget, label, help, v, options, problems);
                }
                case PROVINCE -> {
                    String v = values.value(name);
                    List<Option> options = new ArrayList<>();
                    options.add(new Option("", msg.notChosen(), v.isBlank()));
                    provinces.forEach(p -> options.add(new Option(p, p, p.equals(v))));
                    if (!v.isBlank() && !provinces.contains(v)) {
                        options.add(new Option(v, v, true));   // a former name or a code: the service resolves it
                    }
                    yield plain(f, name, widget, label, help, v, options, problems);
                }
                case YES_NO -> {
                    String v = values.value(name);
                    boolean known = v.equals("true") || v.equals("false");
                    List<Option> options = new ArrayList<>(List.of(
                            new Option("true", msg.yes(), v.equals("true")),
                            new Option("false", msg.no(), v.equals("false")),
                            new Option(FormValues.UNKNOWN, msg.unknown(), v.isBlank())));
                    if (!known && !v.isBlank()) {
                        options.add(new Option(v, v, true));
                    }
                    yield plain(f, name, widget, label, help, v, options, problems);
                }
                default -> plain(f, name, widget, label, help, values.value(name), List.of(), problems);
            };
        }

        private FieldView plain(Field f, String name, String widget, Text label, String help, String value, List<Option> options,
                                List<String> problems) {
            return new FieldView(name, id(name), widget, label.in(lang), help, value, options, problems, f.required(),
                    List.of(), List.of(), "", "", false);
        }
    }
}
