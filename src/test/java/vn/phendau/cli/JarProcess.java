package vn.phendau.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged JAR (target/quarkus-app/quarkus-run.jar, built by the package phase before the *IT tests run) started
 * as a user starts it, in a folder of the test's, its output (stdout and stderr together) in a file beside it.
 */
public final class JarProcess implements AutoCloseable {

    private static int launched;

    private final Process process;
    private final Path log;

    private JarProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static Path jar() {
        return Path.of(System.getProperty("phendau.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code java <jvm...> -jar quarkus-run.jar <args...>} in dir. */
    public static JarProcess start(Path dir, List<String> jvm, String... args) throws IOException {
        return start(jar(), dir, jvm, args);
    }

    /** The same with another build of the service (the one for PostgreSQL). */
    public static synchronized JarProcess start(Path jar, Path dir, List<String> jvm, String... args) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");  // starts sooner; these runs are short
        command.add("-XX:+UseSerialGC");
        command.addAll(jvm);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path log = dir.resolve("output-" + (++launched) + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new JarProcess(p, log);
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the output holds this text; false if the process ended or the time ran out first. */
    public boolean awaitOutput(String text, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (output().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The exit code, or -1 if the process is still running after the time given (it is then killed). */
    public int exitCode(Duration within) throws InterruptedException {
        if (process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly();
        return -1;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops it as a user or an orchestrator would (SIGTERM), then for good if it will not. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
