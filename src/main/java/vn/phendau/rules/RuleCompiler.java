package vn.phendau.rules;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import vn.phendau.common.Json;
import vn.phendau.common.Resources;

/**
 * Compiles the DRL of rules/ruleset.json into Drools packages. The build does it once (this class's main, run
 * by Maven after the classes are compiled) and ships the compiled packages, named by the fingerprint of the DRL
 * they came from; start-up then only reads them back, which costs a fraction of compiling. When the shipped
 * packages are missing or were compiled from other DRL (a rule edited in dev mode), start-up compiles the DRL.
 */
public final class RuleCompiler {

    /** The compiled packages, beside the DRL in the application's classes. */
    static final String COMPILED = "rules/ruleset.compiled";

    private RuleCompiler() {
    }

    /** Each DRL file of the rule set by its resource path, in the manifest's order. */
    static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        Json.resource("rules/ruleset.json").get("rules").forEach(f -> sources.put(f.asText(), Resources.text(f.asText())));
        return sources;
    }

    /** What the compiled packages are compiled from: the name and text of every DRL file. */
    static String fingerprint(Map<String, String> sources) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        sources.forEach((file, text) -> files.put(file, text.getBytes(StandardCharsets.UTF_8)));
        return RuleBase.fingerprint(files);
    }

    static Collection<KiePackage> compile(Map<String, String> sources, ClassLoader loader) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(loader));
        sources.forEach((file, text) -> builder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                .setSourcePath(file), ResourceType.DRL));
        if (builder.hasErrors()) {
            throw new IllegalStateException("rules do not compile: " + builder.getErrors());
        }
        return builder.getKnowledgePackages();
    }

    /** The packages compiled at build time from exactly these sources, if the application ships them. */
    static Optional<Collection<KiePackage>> read(String fingerprint, ClassLoader loader) {
        InputStream resource = loader.getResourceAsStream(COMPILED);
        if (resource == null) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new DroolsObjectInputStream(new BufferedInputStream(resource, 1 << 16), loader)) {
            if (!fingerprint.equals(in.readUTF())) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            return Optional.of(packages);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the compiled rules " + COMPILED, e);
        }
    }

    static KieBase kieBase(Collection<KiePackage> packages, ClassLoader loader) {
        var base = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, loader));
        base.addPackages(packages);
        return base;
    }

    /** The KieBase as loaded: from the packages compiled at build time, or compiled from the DRL just now. */
    record Compiled(KieBase kieBase, boolean shipped, long millis) {
    }

    private static CompletableFuture<Compiled> preloaded;

    /**
     * Starts loading the rules before the service itself starts (the service's main calls it), so that the two
     * take their time side by side. Everything, reading the DRL included, happens on the loader's own thread.
     */
    public static synchronized void preload() {
        if (preloaded == null) {
            preloaded = loadInBackground();
        }
    }

    /** The rules preloaded, taken over once, by the rule base the service creates; else loading starts now. */
    static synchronized CompletableFuture<Compiled> loaded() {
        CompletableFuture<Compiled> taken = preloaded != null ? preloaded : loadInBackground();
        preloaded = null;
        return taken;
    }

    private static CompletableFuture<Compiled> loadInBackground() {
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Map<String, String> sources = sources();
            Optional<Collection<KiePackage>> shipped = read(fingerprint(sources), loader);
            KieBase kieBase = kieBase(shipped.orElseGet(() -> compile(sources, loader)), loader);
            return new Compiled(kieBase, shipped.isPresent(), (System.nanoTime() - start) / 1_000_000);
        }, task -> {
            Thread t = new Thread(task, "rule-base-loader");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The build step: compiles the DRL found on the class path into {@code <classes>/rules/ruleset.compiled}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve(COMPILED);
        Map<String, String> sources = sources();
        Collection<KiePackage> packages = compile(sources, RuleCompiler.class.getClassLoader());
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out); ObjectOutputStream o = new DroolsObjectOutputStream(file)) {
            o.writeUTF(fingerprint(sources));
            o.writeObject(new ArrayList<>(packages));
        }
        List<String> files = new ArrayList<>(sources.keySet());
        System.out.println("compiled " + files.size() + " rule files into " + out + " (" + Files.size(out) + " bytes)");
    }
}
