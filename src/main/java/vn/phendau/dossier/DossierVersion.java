package vn.phendau.dossier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A proposal as it was filed (its JSON as read and validated), and the SHA-256 of its canonical form. */
@Entity
@Table(name = "dossier_version")
public class DossierVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "project_id")
    public String projectId;
    public int n;
    @Column(name = "proposal_json")
    public String proposalJson;
    @Column(name = "proposal_sha256")
    public String proposalSha256;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Column(name = "filed_by")
    public String filedBy;
}
