package vn.phendau.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Map;
import vn.phendau.rules.RuleCompiler;

/**
 * The entry point of the packaged JAR. {@code check <list> [--out <report>]} assesses a list and exits, and
 * {@code verify-audit} walks the audit chain and exits; anything
 * else starts the service as it always ran.
 */
@QuarkusMain
public final class Main {

    /**
     * What a command (check, verify-audit) changes before Quarkus starts: no HTTP port is opened, no warm-up (the list itself warms the
     * service up), and the log keeps to warnings, on stderr, so that stdout holds the JSON answer alone.
     */
    static final Map<String, String> CHECK_MODE = Map.of(
            "quarkus.http.host-enabled", "false",
            "phendau.warm-up", "false",
            "quarkus.log.level", "WARN",
            "quarkus.log.console.stderr", "true",
            "phendau.replay.threads", "0");

    /**
     * What {@code check} changes besides: it assesses and forgets, so it has no database. The datasource and the
     * persistence unit are inactive: Hibernate does not start (a third of the command's start-up), Flyway does not
     * migrate, and no connection is ever made, so {@code check} run where there is no ./data leaves none. The beans
     * that use the database look it up when they first do ({@link vn.phendau.common.Database}; none does in
     * {@code check}), so that an inactive one stops nothing. The offline start stays set too: it is how the users'
     * bean knows not to seed anyone.
     */
    static final Map<String, String> NO_DATABASE = Map.of(
            "quarkus.datasource.active", "false",
            "quarkus.hibernate-orm.active", "false",
            "quarkus.flyway.migrate-at-start", "false",
            "quarkus.hibernate-orm.database.start-offline", "true");

    Main() {
    }

    public static void main(String... args) {
        // Both modes need the rules: they load while Quarkus starts (readiness is DOWN until they have).
        RuleCompiler.preload();
        if (args.length > 0 && args[0].equals(VerifyAuditCommand.NAME)) {
            command(VerifyAuditCommand.class, CHECK_MODE, args);
            return;
        }
        if (args.length == 0 || !args[0].equals(CheckCommand.NAME)) {
            Quarkus.run(null, Main::exit, args);
            return;
        }
        Map<String, String> mode = new java.util.HashMap<>(CHECK_MODE);
        mode.putAll(NO_DATABASE);
        command(CheckCommand.class, mode, args);
    }

    /**
     * How the service ends. A failure to start that a second copy meets (its port, its H2 file) is one line in both
     * languages and exit 1, never a stack trace; any other is logged with its stack trace, as Quarkus would have.
     */
    static void exit(int code, Throwable failure) {
        if (failure != null) {
            java.util.Optional<String> known = StartFailure.describe(failure);
            if (known.isPresent()) {
                new java.io.PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8).println(known.get());
            } else {
                org.jboss.logging.Logger.getLogger(io.quarkus.runtime.Application.class).error("Failed to start application", failure);
            }
        }
        System.exit(code);
    }

    /**
     * How a command ends: as Quarkus ends it (the tests' launcher replaces that), except that a failure to start a
     * second copy meets ({@code verify-audit} beside a running service holds its H2 file) is one line, as for the
     * service, not a stack trace.
     */
    private static void commandExit(int code, Throwable failure) {
        java.util.Optional<String> known = failure == null ? java.util.Optional.empty() : StartFailure.describe(failure);
        known.ifPresent(line -> new java.io.PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8).println(line));
        io.quarkus.runtime.ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, known.isPresent() ? null : failure);
    }

    private static void command(Class<? extends io.quarkus.runtime.QuarkusApplication> command, Map<String, String> mode,
                                String... args) {
        Map<String, String> before = new java.util.HashMap<>();
        mode.forEach((key, value) -> {
            before.put(key, System.getProperty(key));
            if (before.get(key) == null) {
                System.setProperty(key, value);
            }
        });
        try {
            Quarkus.run(command, Main::commandExit, args);
        } finally {
            // Only reached when something other than System.exit ends the run (the tests' launcher): the JVM goes
            // on, and a service started in it afterwards must open its port again.
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                }
            });
        }
    }
}
