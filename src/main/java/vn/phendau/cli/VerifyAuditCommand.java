package vn.phendau.cli;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import vn.phendau.audit.AuditVerifier;

/**
 * {@code verify-audit}: walks the audit chain of the configured database, as {@code GET /api/v1/audit/verify} does,
 * and says that all N entries hold (exit 0) or which entry is the first broken and why (exit 1).
 */
public class VerifyAuditCommand implements QuarkusApplication {

    static final String NAME = "verify-audit";
    static final int HOLDS = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 3;

    @Inject
    AuditVerifier verifier;

    @Override
    public int run(String... args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        AuditVerifier.Report r;
        try {
            r = verifier.verify();
        } catch (RuntimeException e) {
            err.println("Không đọc được nhật ký kiểm toán / Cannot read the audit trail: " + e.getMessage());
            return UNREADABLE;
        }
        if (r.valid()) {
            out.println("Cả " + r.entries() + " mục của nhật ký kiểm toán đều toàn vẹn / All " + r.entries()
                    + " audit entries hold");
            return HOLDS;
        }
        out.println("Nhật ký kiểm toán bị phá vỡ ở mục " + r.firstBroken().n() + " / The audit trail is broken at entry "
                + r.firstBroken().n() + ": " + r.firstBroken().reason() + " (" + r.entries() + " entries before it hold)");
        return BROKEN;
    }
}
