package vn.phendau.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Sign-in and roles (README, "Users and roles"). */
@ConfigMapping(prefix = "phendau.security")
public interface SecurityConfig {

    /** A file that seeds users at start-up, one a line: {@code name:password:ROLE[:province]}. */
    Optional<String> usersFile();

    /** Whether the public endpoints and pages (catalog, assessments, the form) also need a signed-in user. */
    @WithDefault("false")
    boolean requireSignIn();

    /** The claim of an OIDC token that holds the roles (a list or one string). */
    @WithDefault("groups")
    String rolesClaim();

    /** The claim of an OIDC token that holds the province; absent or empty means all provinces. */
    @WithDefault("province")
    String provinceClaim();

    /**
     * How many failed sign-ins of one user name are recorded in the audit chain in one minute; past it (and past ten
     * times it for all names together) they are counted in the log only, so that guessing cannot flood the chain.
     */
    @WithDefault("5")
    int failedSignInsRecordedPerMinute();

    /**
     * The window the bound above counts in, from its first failure; at its end the failures past the bound go into
     * the chain as one entry. A minute, as the bound's name says; shorter only for the tests.
     */
    @WithDefault("60s")
    java.time.Duration failedSignInsWindow();

    /**
     * How long a password bcrypt accepted is taken as checked for the same user and stored hash, so that HTTP Basic
     * on every request does not pay for bcrypt each time; 0 checks every request with bcrypt.
     */
    @WithDefault("5m")
    java.time.Duration verifiedPasswordTtl();
}
