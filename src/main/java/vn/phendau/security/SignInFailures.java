package vn.phendau.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.phendau.audit.AuditLog;
import vn.phendau.audit.Hashes;

/**
 * Records failed sign-ins in the audit chain, within bounds. In a window of a minute (from the first failure;
 * {@code phendau.security.failed-sign-ins-window}), at most
 * {@code phendau.security.failed-sign-ins-recorded-per-minute} failures of one user name, and ten times that for all
 * names together, are recorded one by one ({@value #FAILED}); the rest are counted, and at the window's end the count
 * goes into the chain as one entry ({@value #MORE}) whose subject gives the total and the names that went past the
 * bound. A guesser then grows the chain (and holds its lock) by a bounded number of entries a minute, however fast it
 * guesses, and what it tried is still in the chain.
 */
@ApplicationScoped
public class SignInFailures {

    public static final String FAILED = "SIGN_IN_FAILED";
    public static final String MORE = "SIGN_IN_FAILED_MORE";
    /** The audit entry's subject column holds 400 characters. */
    private static final int SUBJECT_CHARS = 400;
    /** The names counted one by one in a window; past them, the failures of new names are counted as {@value #OTHERS}. */
    private static final int NAMES = 10_000;
    private static final String OTHERS = "*";
    private static final Logger LOG = Logger.getLogger(SignInFailures.class);

    private final AuditLog audit;
    private final Vertx vertx;
    private final int perName;
    private final Duration window;
    private Instant windowStart;
    private long timer = -1;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Integer> unrecorded = new LinkedHashMap<>();
    private int total;

    public SignInFailures(AuditLog audit, Vertx vertx, SecurityConfig config) {
        this.audit = audit;
        this.vertx = vertx;
        this.perName = config.failedSignInsRecordedPerMinute();
        this.window = config.failedSignInsWindow();
    }

    /** Called on a worker thread, outside any transaction. The name is as sent (bounded), never the password. */
    public void failed(String name, String how) {
        String who = name == null ? "" : name.length() > 100 ? name.substring(0, 100) : name;
        who = who.replaceAll("\\p{Cntrl}", "?");
        if (!admit(who)) {
            return;
        }
        String subject = "user:" + who;
        String content = Hashes.sha256(who + "\n" + how);
        String actor = who.isEmpty() ? "?" : who;
        QuarkusTransaction.requiringNew().run(() -> audit.append(actor, FAILED, subject, content));
    }

    private synchronized boolean admit(String name) {
        if (windowStart == null) {
            windowStart = Instant.now();
            // The window's end writes what went past the bound; a timer, so that it is written even if no one
            // fails to sign in afterwards.
            timer = vertx.setTimer(Math.max(1, window.toMillis()), id -> vertx.executeBlocking(() -> {
                endWindow();
                return null;
            }, false));
        }
        if (!counts.containsKey(name) && counts.size() >= NAMES) {
            unrecorded.merge(OTHERS, 1, Integer::sum);  // a flood of names: counted together, the memory stays bounded
            return false;
        }
        int n = counts.merge(name, 1, Integer::sum);
        if (n > perName || total >= perName * 10) {
            unrecorded.merge(name, 1, Integer::sum);
            return false;
        }
        total++;
        return true;
    }

    /**
     * Ends the current window: the failures past the bound, if any, go into the chain as one entry, and the next
     * failure starts a new window. Called by the window's timer, at shutdown, and by the tests.
     */
    public void endWindow() {
        Instant start;
        Map<String, Integer> past;
        synchronized (this) {
            if (windowStart == null) {
                return;
            }
            start = windowStart;
            past = new LinkedHashMap<>(unrecorded);
            windowStart = null;
            if (timer != -1) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            counts.clear();
            unrecorded.clear();
            total = 0;
        }
        if (past.isEmpty()) {
            return;
        }
        int count = past.values().stream().mapToInt(Integer::intValue).sum();
        LOG.warnf("%d failed sign-ins past the audit's bound since %s, recorded as one entry", count, start);
        String from = start.truncatedTo(ChronoUnit.SECONDS).toString();
        // The most tried names first, as many as the subject holds.
        String names = past.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> "user:" + e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String subject = "sign-ins:" + from + " +" + window.toSeconds() + "s: " + count + " more; " + names;
        if (subject.length() > SUBJECT_CHARS) {
            subject = subject.substring(0, SUBJECT_CHARS - 1) + "…";
        }
        String content = Hashes.sha256(from + "\n" + past.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue())
                .collect(Collectors.joining("\n")));
        String recorded = subject;
        QuarkusTransaction.requiringNew().run(() -> audit.append("?", MORE, recorded, content));
    }

    @PreDestroy
    void stop() {
        try {
            endWindow();
        } catch (RuntimeException e) {
            LOG.warn("the failed sign-ins past the audit's bound could not be recorded at shutdown", e);
        }
    }
}
