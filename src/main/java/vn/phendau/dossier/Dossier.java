package vn.phendau.dossier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One project id, and what search reads of its current assessment (province, verdict, folded id and name). */
@Entity
@Table(name = "dossier")
public class Dossier extends PanacheEntityBase {

    @Id
    @Column(name = "project_id")
    public String projectId;
    @Column(name = "project_name")
    public String projectName;
    public String province;
    @Column(name = "province_key")
    public String provinceKey;
    @Column(name = "search_text")
    public String searchText;
    public String verdict;
    public int score;
    @Column(name = "current_version")
    public int currentVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
