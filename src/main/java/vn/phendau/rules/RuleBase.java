package vn.phendau.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import vn.phendau.common.Json;
import vn.phendau.common.Text;
import vn.phendau.legal.LegalText;

/**
 * The rule set: every DRL of rules/ruleset.json in one KieBase; the catalog of rules read from their metadata;
 * the criteria; and the version and fingerprint that name this exact rule set.
 *
 * <p>The KieBase is loaded in the background from the packages the build compiled (see {@link RuleCompiler}),
 * while the rest of the service starts: readiness reports DOWN until it is loaded, and anything that needs the
 * rules before then waits for them.
 */
@Startup
@ApplicationScoped
public class RuleBase {

    private static final Logger LOG = Logger.getLogger(RuleBase.class);
    private static final Pattern RULE_SOURCE = Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\".*?^end\\b");
    private static final List<String> REQUIRED = List.of("criterion", "outcome", "severity", "cites", "reads",
            "title_vi", "title_en", "explain_vi", "explain_en");

    /** The compiled rules, their sessions, their catalog, the criteria and the rule set's name, once loaded. */
    private record Loaded(KieSessionsPool sessions, Map<String, RuleMeta> rules, Map<String, Criterion> criteria,
                          String version, String fingerprint) {
    }

    private final CompletableFuture<Loaded> loading;

    /**
     * Takes over the rules that {@link RuleCompiler#preload()} started loading. Nothing of the rule set is read on
     * the caller's thread (the service's main thread, while Quarkus starts): reading the files, the KieBase, the
     * criteria and the catalog are all done on the loader's threads.
     */
    public RuleBase(LegalText legal) {
        loading = RuleCompiler.loaded(LaunchMode.current())
                .thenApplyAsync(c -> {
                    Loaded loaded = catalog(c, legal);
                    if (!c.shipped()) {
                        LOG.warnf("%s is missing, was compiled from other files, or is not used in dev mode: the rules were compiled at start-up",
                                RuleCompiler.COMPILED);
                    }
                    LOG.infof("%d rules loaded in %d ms (%s)", loaded.rules().size(), (System.nanoTime() - c.started()) / 1_000_000,
                            c.shipped() ? "compiled at build time" : "compiled at start-up");
                    return loaded;
                }, RuleCompiler::onLoaderThread);
        loading.whenComplete((loaded, failure) -> {
            if (failure != null) {
                LOG.error("the rules could not be loaded", failure);
            }
        });
    }

    private static Loaded catalog(RuleCompiler.Compiled c, LegalText legal) {
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        try {
            for (JsonNode node : Json.MAPPER.readTree(c.sources().criteria()).get("criteria")) {
                Criterion criterion = Json.MAPPER.convertValue(node, Criterion.class);
                criteria.put(criterion.id(), criterion);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RuleCompiler.CRITERIA, e);
        }
        Map<String, RuleMeta> rules = readCatalog(c.kieBase(), c.sources().drl(), criteria, legal);
        return new Loaded(c.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2), rules,
                Collections.unmodifiableMap(criteria), c.sources().version(), c.sources().fingerprint());
    }

    /** Whether the rules are loaded and usable; false while they load, and if they could not be loaded. */
    public boolean isLoaded() {
        return loading.isDone() && !loading.isCompletedExceptionally();
    }

    /** Completes when the rules are loaded, or with the reason they could not be. */
    public CompletableFuture<?> whenLoaded() {
        return loading.thenApply(loaded -> null);
    }

    private Loaded loaded() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Map<String, RuleMeta> readCatalog(KieBase kieBase, Map<String, String> sources, Map<String, Criterion> criteria,
                                                     LegalText legal) {
        Map<String, String[]> located = new LinkedHashMap<>();
        sources.forEach((file, text) -> {
            Matcher m = RULE_SOURCE.matcher(text);
            while (m.find()) {
                located.put(m.group(1), new String[] {file, m.group()});
            }
        });
        List<String> defects = new ArrayList<>();
        List<RuleMeta> all = new ArrayList<>();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> md = rule.getMetaData();
                List<String> missing = REQUIRED.stream().filter(k -> !md.containsKey(k)).toList();
                if (!missing.isEmpty()) {
                    defects.add(rule.getName() + " lacks " + missing);
                    continue;
                }
                String[] where = located.getOrDefault(rule.getName(), new String[] {"?", ""});
                RuleMeta meta = new RuleMeta(rule.getName(), str(md, "criterion"),
                        Outcome.valueOf(str(md, "outcome")), Severity.valueOf(str(md, "severity")),
                        md.containsKey("points") ? Integer.parseInt(str(md, "points")) : 0,
                        list(md, "cites"), list(md, "laws"), list(md, "reads"),
                        Text.of(str(md, "title_vi"), str(md, "title_en")),
                        Text.of(str(md, "explain_vi"), str(md, "explain_en")),
                        md.containsKey("remedy_vi") ? Text.of(str(md, "remedy_vi"), str(md, "remedy_en")) : null,
                        fixes(md), where[0], where[1]);
                if (meta.holdsBack() && (meta.remedy() == null || !md.containsKey("fix") || !md.containsKey("remedy_en"))) {
                    defects.add(rule.getName() + " can hold a project back but has no remedy_vi, remedy_en and fix");
                }
                meta.cites().stream().filter(p -> legal.paragraph(p).isEmpty())
                        .forEach(p -> defects.add(rule.getName() + " cites unknown paragraph " + p));
                meta.laws().stream().filter(l -> !legal.hasProvision(l))
                        .forEach(l -> defects.add(rule.getName() + " cites unknown provision " + l));
                if (!criteria.containsKey(meta.criterion())) {
                    defects.add(rule.getName() + " has unknown criterion " + meta.criterion());
                }
                all.add(meta);
            }
        }
        if (!defects.isEmpty()) {
            throw new IllegalStateException("rule metadata defects: " + defects);
        }
        List<String> order = new ArrayList<>(criteria.keySet());
        all.sort(Comparator.comparingInt((RuleMeta r) -> order.indexOf(r.criterion())).thenComparing(RuleMeta::id));
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        all.forEach(r -> rules.put(r.id(), r));
        return Collections.unmodifiableMap(rules);
    }

    /** Runs every rule over the facts in a clean session, reset when disposed: no state outlives one assessment. */
    public List<String> fire(Object... facts) {
        return fire(null, facts);
    }

    /**
     * Runs the rules over the facts, but only the consequences of the rules the filter accepts (by id): the others
     * are matched but do not fire. No rule reads what another inserts, so the rules that fire are exactly those that
     * would fire among all of them.
     */
    public List<String> fireOnly(java.util.function.Predicate<String> only, Object... facts) {
        return fire(match -> only.test(match.getRule().getName()), facts);
    }

    private List<String> fire(org.kie.api.runtime.rule.AgendaFilter filter, Object[] facts) {
        KieSession session = loaded().sessions().newKieSession();
        try {
            for (Object f : facts) {
                session.insert(f);
            }
            if (filter == null) {
                session.fireAllRules();
            } else {
                session.fireAllRules(filter);
            }
            Collection<?> hits = session.getObjects(new ClassObjectFilter(Hit.class));
            return hits.stream().map(h -> ((Hit) h).ruleId()).toList();
        } finally {
            session.dispose();
        }
    }

    /** Runs every rule over the facts and returns what the rules inserted of the given type. */
    public <T> List<T> fire(Class<T> result, Iterable<?> facts) {
        KieSession session = loaded().sessions().newKieSession();
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            return session.getObjects(new ClassObjectFilter(result)).stream().map(result::cast).toList();
        } finally {
            session.dispose();
        }
    }

    public Collection<RuleMeta> rules() {
        return loaded().rules().values();
    }

    public Optional<RuleMeta> rule(String id) {
        return Optional.ofNullable(loaded().rules().get(id));
    }

    public Collection<Criterion> criteria() {
        return loaded().criteria().values();
    }

    public Optional<Criterion> criterion(String id) {
        return Optional.ofNullable(loaded().criteria().get(id));
    }

    public String version() {
        return loaded().version();
    }

    /** The rule set's fingerprint: a sha256 over the manifest and every DRL and data file it names. */
    public String fingerprint() {
        return loaded().fingerprint();
    }

    /** sha256 over every file, name and content in name order, so any change to any of them gives a new fingerprint. */
    static String fingerprint(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new java.util.TreeMap<>(files).forEach((name, content) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content);
                sha.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "path=value; path=value", or "none" when no change of a field can remedy the finding. */
    private static List<RuleMeta.Fix> fixes(Map<String, Object> md) {
        if (!md.containsKey("fix") || str(md, "fix").equals("none")) {
            return List.of();
        }
        List<RuleMeta.Fix> out = new ArrayList<>();
        for (String part : str(md, "fix").split(";")) {
            int eq = part.indexOf('=');
            out.add(RuleMeta.Fix.of(part.substring(0, eq).strip(), part.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String str(Map<String, Object> md, String key) {
        return String.valueOf(md.get(key)).strip();
    }

    private static List<String> list(Map<String, Object> md, String key) {
        if (!md.containsKey(key)) {
            return List.of();
        }
        return Arrays.stream(str(md, key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
