package vn.phendau.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.phendau.dossier.DossierConfig;
import vn.phendau.dossier.DossierViews.Page;
import vn.phendau.dossier.Params;

/** The audit chain, for auditors (and ADMINs): read only. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"AUDITOR", "ADMIN"})
public class AuditResource {

    /** One entry as stored: who did what to what, and the hashes that chain it. */
    public record EntryView(long n, java.time.Instant at, String actor, String action, String subject, String contentSha256,
                            String previousHash, String ownHash) {
    }

    private final AuditVerifier verifier;
    private final vn.phendau.common.Database database;
    private final DossierConfig config;

    public AuditResource(AuditVerifier verifier, vn.phendau.common.Database database, DossierConfig config) {
        this.verifier = verifier;
        this.database = database;
        this.config = config;
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Walk the audit chain: the first broken entry, or that all N entries hold")
    public AuditVerifier.Report verify() {
        return verifier.verify();
    }

    @GET
    @Operation(summary = "The audit chain's entries, newest first, optionally of one action (FILE, DECISION, SIGN_IN_FAILED, …)")
    @jakarta.transaction.Transactional
    public Page<EntryView> list(@QueryParam("action") String action, @QueryParam("page") String page,
                                @QueryParam("size") String size) {
        int p = Params.page(page);
        int s = Params.size(size, config);
        String a = action == null || action.isBlank() ? null : Params.text("action", action.strip());
        String where = a == null ? "" : " WHERE e.action = ?1";
        var count = database.em().createQuery("SELECT count(e) FROM AuditEntry e" + where, Long.class);
        var query = database.em().createQuery("FROM AuditEntry e" + where + " ORDER BY e.n DESC", AuditEntry.class);
        if (a != null) {
            count.setParameter(1, a);
            query.setParameter(1, a);
        }
        List<EntryView> items = query.setFirstResult((p - 1) * s).setMaxResults(s).getResultStream()
                .map(e -> new EntryView(e.n, e.at, e.actor, e.action, e.subject, e.contentSha256.trim(), e.previousHash.trim(),
                        e.ownHash.trim())).toList();
        return new Page<>(p, s, count.getSingleResult(), items);
    }
}
