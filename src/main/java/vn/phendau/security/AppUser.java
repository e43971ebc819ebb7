package vn.phendau.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An embedded user: its name, its password's bcrypt hash (never the password), its role and province. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    public String name;
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    /** The province's name today (as Provinces resolves it); null for all provinces. */
    public String province;
    @Column(name = "created_at")
    public Instant createdAt;
}
