package vn.phendau.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import vn.phendau.audit.AuditLog;
import vn.phendau.audit.Hashes;

/**
 * Records failed sign-ins in the audit chain, within bounds: at most {@code phendau.security.failed-sign-ins-recorded-per-minute}
 * per user name in a minute, and ten times that for all names together; the rest are only counted in the log. A
 * guesser then cannot grow the chain (nor hold its lock) faster than a few entries a minute.
 */
@ApplicationScoped
public class SignInFailures {

    public static final String FAILED = "SIGN_IN_FAILED";
    private static final Logger LOG = Logger.getLogger(SignInFailures.class);

    private final AuditLog audit;
    private final int perName;
    private long minute = -1;
    private final Map<String, Integer> counts = new HashMap<>();
    private int total;
    private int unrecorded;

    public SignInFailures(AuditLog audit, SecurityConfig config) {
        this.audit = audit;
        this.perName = config.failedSignInsRecordedPerMinute();
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
        long now = Instant.now().getEpochSecond() / 60;
        if (now != minute) {
            if (unrecorded > 0) {
                LOG.warnf("%d failed sign-ins in the last minute were past the audit's bound and not recorded there", unrecorded);
            }
            minute = now;
            counts.clear();
            total = 0;
            unrecorded = 0;
        }
        int n = counts.merge(name, 1, Integer::sum);
        if (n > perName || total >= perName * 10) {
            unrecorded++;
            return false;
        }
        total++;
        return true;
    }
}
