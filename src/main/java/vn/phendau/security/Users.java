package vn.phendau.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.DomainSocketServerStart;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;
import vn.phendau.audit.AuditLog;
import vn.phendau.audit.Hashes;
import vn.phendau.common.VietnameseText;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.reference.Provinces;

/**
 * The embedded users, kept in the database with their passwords hashed by bcrypt. Creating and deleting one is
 * recorded in the audit chain (never the password, nor its hash).
 */
@ApplicationScoped
public class Users {

    public static final String CREATED = "USER_CREATED";
    public static final String DELETED = "USER_DELETED";
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 72;  // bcrypt reads no further
    private static final Logger LOG = Logger.getLogger(Users.class);
    private static final WildFlyElytronPasswordProvider ELYTRON = new WildFlyElytronPasswordProvider();
    /**
     * Checked when the name is unknown, so that an unknown name takes as long as a wrong password. Hashed at the first
     * sign-in, not when the class loads: the command line's {@code check} loads it and never signs anyone in.
     */
    private static final class Dummy {
        static final String HASH = BcryptUtil.bcryptHash("not a password of anyone");
    }

    /** A user as the API shows it: no password, no hash. */
    public record UserView(String name, Role role, String province, Instant createdAt) {
    }

    private final vn.phendau.common.Database database;
    private final AuditLog audit;
    private final Provinces provinces;
    private final SecurityConfig config;
    private final AtomicBoolean adminChecked = new AtomicBoolean();
    private final boolean offline;
    private final VerifiedPasswords verified;

    public Users(vn.phendau.common.Database database, AuditLog audit, Provinces provinces, SecurityConfig config,
                 @ConfigProperty(name = "quarkus.hibernate-orm.database.start-offline", defaultValue = "false") boolean offline) {
        this.database = database;
        this.audit = audit;
        this.provinces = provinces;
        this.config = config;
        this.offline = offline;
        this.verified = new VerifiedPasswords(config.verifiedPasswordTtl());
    }

    void seed(@Observes StartupEvent start) {
        if (offline) {
            // The check command assesses and forgets: it opens no database (README, "From the command line"), so
            // there is nobody to sign in and no users table to seed. Seeding would make ./data, or fail on a file
            // that the running service holds.
            return;
        }
        config.usersFile().filter(f -> !f.isBlank()).ifPresent(this::seedFrom);
    }

    /**
     * The first ADMIN, made only once the service listens (Quarkus fires these events when its server's socket is
     * bound). A start that fails, its port taken, then leaves no admin behind whose generated password was printed
     * by a service that never ran; made at start-up, that admin would stay in the database, and the next start,
     * finding a user, would print no password at all.
     */
    void seedAdmin(@ObservesAsync HttpServerStart started) {
        firstAdmin();
    }

    void seedAdmin(@ObservesAsync HttpsServerStart started) {
        firstAdmin();
    }

    void seedAdmin(@ObservesAsync DomainSocketServerStart started) {
        firstAdmin();
    }

    private void firstAdmin() {
        if (offline || !adminChecked.compareAndSet(false, true)) {
            return;  // one check, whichever of the service's sockets opens first
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // Native: the first query Hibernate translates from HQL pays for loading and warming its parser,
                // which this check made at every start while the service warms up (BENCHMARKS.md).
                long count = ((Number) database.em().createNativeQuery("SELECT count(*) FROM app_user").getSingleResult()).longValue();
                if (count > 0) {
                    return;
                }
                String given = System.getenv("PHENDAU_ADMIN_PASSWORD");
                boolean generated = given == null || given.isBlank();
                String password = generated ? generate() : given;
                create("admin", password, Role.ADMIN, null, "start-up");
                if (generated) {
                    // Printed once: the only place it is ever shown. Set PHENDAU_ADMIN_PASSWORD to choose it instead.
                    LOG.warnf("No users yet: created user 'admin' (ADMIN) with the generated password %s ; change it by "
                            + "creating another ADMIN and deleting this one (README, \"Users and roles\")", password);
                } else {
                    LOG.info("No users yet: created user 'admin' (ADMIN) with the password of PHENDAU_ADMIN_PASSWORD");
                }
            });
        } catch (RuntimeException e) {
            // An event's observer: nothing else would say it failed. The next start tries again, as no user was made.
            LOG.errorf("No users yet, and the first ADMIN could not be created: %s", e.getMessage());
        }
    }

    /** Each line {@code name:password:ROLE[:province]}; blank lines and lines starting with # are skipped. */
    void seedFrom(String file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("phendau.security.users-file: cannot read " + file + ": " + e.getMessage(), e);
        }
        int added = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 4);
            if (parts.length < 3) {
                throw new IllegalStateException("phendau.security.users-file " + file + ", line " + (i + 1)
                        + ": expected name:password:ROLE[:province]");
            }
            String name = parts[0].strip();
            int lineNo = i + 1;
            Role role = Role.of(parts[2]).orElseThrow(() -> new IllegalStateException("phendau.security.users-file " + file
                    + ", line " + lineNo + ": the role must be one of " + Role.names()));
            String province = parts.length == 4 ? parts[3] : null;
            boolean fresh = QuarkusTransaction.requiringNew().call(() -> {
                if (database.em().find(AppUser.class, VietnameseText.nfc(name)) != null) {
                    return false;  // kept as stored: changes made through the API outlive a restart
                }
                try {
                    create(name, parts[1], role, province, "users-file");
                } catch (ProblemException p) {
                    throw new IllegalStateException("phendau.security.users-file " + file + ": user '" + name + "': "
                            + p.problems().get(0).message().en());
                }
                return true;
            });
            added += fresh ? 1 : 0;
        }
        LOG.infof("phendau.security.users-file: %d users added from %s", added, file);
    }

    @Transactional
    public UserView create(String name, String password, Role role, String provinceInput, String actor) {
        String n = checkName(name);
        if (password == null || password.length() < MIN_PASSWORD || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD) {
            throw invalid("$.password", "mật khẩu phải có từ " + MIN_PASSWORD + " đến " + MAX_PASSWORD + " byte",
                    "the password must have " + MIN_PASSWORD + " to " + MAX_PASSWORD + " bytes");
        }
        String province = province(provinceInput);
        if (database.em().find(AppUser.class, n) != null) {
            throw new ProblemException(409, "conflict", "Đã có người dùng này", "User exists",
                    List.of(Problem.at("$.name", "đã có người dùng '" + n + "'", "there is already a user '" + n + "'")));
        }
        AppUser u = new AppUser();
        u.name = n;
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.role = role.name();
        u.province = province;
        u.createdAt = Instant.now();
        database.em().persist(u);
        database.em().flush();
        audit.append(actor, CREATED, "user:" + n, Hashes.sha256(n + "\n" + role + "\n" + (province == null ? "" : province)));
        return view(u);
    }

    @Transactional
    public void delete(String name, String actor) {
        AppUser u = name == null ? null : database.em().find(AppUser.class, VietnameseText.nfc(name));
        if (u == null) {
            throw ProblemException.notFound("người dùng", "name", "không có người dùng '" + name + "'", "no user '" + name + "'");
        }
        if (Role.ADMIN.name().equals(u.role)
                && database.em().createQuery("SELECT count(u) FROM AppUser u WHERE u.role = 'ADMIN'", Long.class).getSingleResult() == 1) {
            throw new ProblemException(409, "conflict", "Không xoá được người quản trị cuối cùng", "Cannot delete the last ADMIN",
                    List.of(Problem.at("name", "phải còn ít nhất một người dùng ADMIN", "at least one ADMIN must remain")));
        }
        database.em().remove(u);
        audit.append(actor, DELETED, "user:" + u.name, Hashes.sha256(u.name + "\n" + u.role + "\n" + (u.province == null ? "" : u.province)));
    }

    @Transactional
    public List<UserView> list() {
        return database.em().createQuery("FROM AppUser ORDER BY name", AppUser.class).getResultStream().map(Users::view).toList();
    }

    /**
     * The user when the password is theirs; as slow for an unknown name as for a wrong password. A password bcrypt
     * accepted for the same stored hash within {@code phendau.security.verified-password-ttl} is not checked again.
     */
    @Transactional
    public Optional<AppUser> verify(String name, char[] password) {
        AppUser u = name == null || name.length() > 200 ? null : database.em().find(AppUser.class, VietnameseText.nfc(name));
        if (u != null && verified.holds(u.name, u.passwordHash, password)) {
            return Optional.of(u);
        }
        boolean ok = matches(u == null ? Dummy.HASH : u.passwordHash, password);
        if (u != null && ok) {
            verified.accepted(u.name, u.passwordHash, password);
        }
        return u != null && ok ? Optional.of(u) : Optional.empty();
    }

    @Transactional
    public Optional<AppUser> find(String name) {
        return Optional.ofNullable(name == null ? null : database.em().find(AppUser.class, name));
    }

    static boolean matches(String hash, char[] password) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, ELYTRON);
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password);
        } catch (java.security.GeneralSecurityException e) {
            LOG.error("a stored password hash cannot be read", e);
            return false;
        }
    }

    private String province(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        return provinces.resolve(input.strip()).map(m -> m.province().name()).orElseThrow(() -> {
            String suggest = String.join(", ", provinces.suggest(input.strip(), 3));
            return invalid("$.province", "không tìm thấy tỉnh, thành phố '" + input.strip() + "'"
                            + (suggest.isEmpty() ? "" : "; có phải ý bạn là: " + suggest + "?"),
                    "unknown province '" + input.strip() + "'" + (suggest.isEmpty() ? "" : "; did you mean: " + suggest + "?"));
        });
    }

    private static String checkName(String name) {
        String n = name == null ? "" : VietnameseText.nfc(name.strip());
        if (n.isEmpty() || n.codePointCount(0, n.length()) > 100 || n.contains(":")
                || n.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw invalid("$.name", "tên người dùng: từ 1 đến 100 ký tự, không có dấu cách, dấu ':' hay ký tự điều khiển",
                    "user name: 1 to 100 characters, without spaces, ':' or control characters");
        }
        return n;
    }

    static ProblemException invalid(String path, String vi, String en) {
        return new ProblemException(400, "invalid-user", "Người dùng không hợp lệ", "Invalid user", List.of(Problem.at(path, vi, en)));
    }

    private static UserView view(AppUser u) {
        return new UserView(u.name, Role.valueOf(u.role), u.province, u.createdAt);
    }

    private static String generate() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
