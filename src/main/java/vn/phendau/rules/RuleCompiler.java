package vn.phendau.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.LaunchMode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
 * by Maven after the classes are compiled) and ships the compiled packages, named by the fingerprint of the rule
 * set they came from; start-up then only reads them back, which costs a fraction of compiling. When the shipped
 * packages are missing or were compiled from other files, and always in dev mode, start-up compiles the DRL.
 */
public final class RuleCompiler {

    /** The compiled packages, beside the DRL in the application's classes. */
    static final String COMPILED = "rules/ruleset.compiled";
    static final String MANIFEST = "rules/ruleset.json";
    static final String CRITERIA = "rules/criteria.json";

    private RuleCompiler() {
    }

    /**
     * The rule set's files, read once: the manifest's version, each DRL file's text by its resource path (in the
     * manifest's order, for the compiler and for the catalog's source texts), the criteria, and the fingerprint
     * over the DRL and data files and the manifest that names this exact rule set (and its compiled packages).
     */
    record Sources(String version, String fingerprint, Map<String, String> drl, byte[] criteria) {

        static Sources read(ClassLoader loader) {
            byte[] manifestBytes = Resources.bytes(loader, MANIFEST);
            JsonNode manifest;
            try {
                manifest = Json.MAPPER.readTree(manifestBytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + MANIFEST, e);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(MANIFEST, manifestBytes);
            Map<String, String> drl = new LinkedHashMap<>();
            manifest.get("rules").forEach(f -> {
                byte[] text = Resources.bytes(loader, f.asText());
                files.put(f.asText(), text);
                drl.put(f.asText(), new String(text, StandardCharsets.UTF_8));
            });
            manifest.get("data").forEach(f -> files.put(f.asText(), Resources.bytes(loader, f.asText())));
            return new Sources(manifest.get("version").asText(), RuleBase.fingerprint(files), drl, files.get(CRITERIA));
        }
    }

    static Collection<KiePackage> compile(Map<String, String> drl, ClassLoader loader) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(loader));
        drl.forEach((file, text) -> builder.add(ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))
                .setSourcePath(file), ResourceType.DRL));
        if (builder.hasErrors()) {
            throw new IllegalStateException("rules do not compile: " + builder.getErrors());
        }
        return builder.getKnowledgePackages();
    }

    /** The packages compiled at build time from exactly the rule set of this fingerprint, if the application ships them. */
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

    // KieServices' only way to give the class loader; its replacement is internal to Drools.
    @SuppressWarnings("deprecation")
    static KieBase kieBase(Collection<KiePackage> packages, ClassLoader loader) {
        var base = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.Factory.get().newKieBaseConfiguration(null, new NoDefaultPackage(loader)));
        base.addPackages(packages);
        return base;
    }

    /**
     * The application's class loader, less the default package, which holds none of our classes. MVEL compiles each
     * constraint on its first use, and tries every name it parses as a class, in the rule's package and then with
     * each dot made a '$' ({@code vn$phendau$rules$province}): a name of the default package, which Quarkus's class
     * loader looks for in every JAR that has files at its root, opening each again. That was most of the cost of the
     * first assessments after start-up. A class name without a package is answered "not found" at once.
     */
    static final class NoDefaultPackage extends ClassLoader {

        NoDefaultPackage(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.indexOf('.') < 0) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    /**
     * The KieBase as loaded, from the packages compiled at build time or compiled from the DRL just now, with the
     * sources it came from (the catalog reads them too: they are read once, on the loader's thread).
     */
    record Compiled(KieBase kieBase, Sources sources, boolean shipped, long started) {
    }

    private static CompletableFuture<Compiled> preloaded;

    /**
     * Starts loading the rules before the service itself starts (the service's main calls it), so that the two
     * take their time side by side. Everything, reading the DRL included, happens on the loader's own thread.
     */
    public static synchronized void preload() {
        if (preloaded == null) {
            preloaded = loadInBackground(true);
        }
    }

    /**
     * The rules preloaded, taken over once, by the rule base the service creates; else loading starts now. In dev
     * mode the shipped packages are never used: the fact classes and the DRL may have been edited since the last
     * build, and the packages are fingerprinted by the rule set's files only, so they could be stale unseen.
     */
    static synchronized CompletableFuture<Compiled> loaded(LaunchMode mode) {
        boolean useShipped = usesShippedPackages(mode);
        CompletableFuture<Compiled> taken = preloaded != null && useShipped ? preloaded : loadInBackground(useShipped);
        preloaded = null;
        return taken;
    }

    /** Whether the packages compiled at build time may be used in this launch mode: not in dev mode. */
    static boolean usesShippedPackages(LaunchMode mode) {
        return mode != LaunchMode.DEVELOPMENT;
    }

    private static CompletableFuture<Compiled> loadInBackground(boolean useShipped) {
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        return CompletableFuture.supplyAsync(() -> load(loader, useShipped), RuleCompiler::onLoaderThread);
    }

    static Compiled load(ClassLoader loader, boolean useShipped) {
        long start = System.nanoTime();
        Sources sources = Sources.read(loader);
        Optional<Collection<KiePackage>> shipped = useShipped ? read(sources.fingerprint(), loader) : Optional.empty();
        KieBase kieBase = kieBase(shipped.orElseGet(() -> compile(sources.drl(), loader)), loader);
        return new Compiled(kieBase, sources, shipped.isPresent(), start);
    }

    /** Runs a step of loading the rules on a thread of its own, beside the service's start. */
    static void onLoaderThread(Runnable task) {
        Thread t = new Thread(task, "rule-base-loader");
        t.setDaemon(true);
        t.start();
    }

    /** The build step: compiles the DRL found on the class path into {@code <classes>/rules/ruleset.compiled}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]).resolve(COMPILED);
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        Sources sources = Sources.read(loader);
        Collection<KiePackage> packages = compile(sources.drl(), loader);
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out); ObjectOutputStream o = new DroolsObjectOutputStream(file)) {
            o.writeUTF(sources.fingerprint());
            o.writeObject(new ArrayList<>(packages));
        }
        System.out.println("compiled " + sources.drl().size() + " rule files into " + out + " (" + Files.size(out) + " bytes)");
    }
}
