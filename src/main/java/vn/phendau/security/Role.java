package vn.phendau.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a signed-in user may do (README, "Users and roles"). Each user has one role. */
public enum Role {
    /** Files and reads the dossiers of its province (or of all, without one). */
    OFFICER,
    /** Reads the dossiers of its province (or of all) and records decisions on them. */
    REVIEWER,
    /** Reads everything, the audit chain included; changes nothing. */
    AUDITOR,
    /** Manages users and starts replays. */
    ADMIN;

    public static final String OFFICER_ = "OFFICER";
    public static final String REVIEWER_ = "REVIEWER";
    public static final String AUDITOR_ = "AUDITOR";
    public static final String ADMIN_ = "ADMIN";

    public static Optional<Role> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(n)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
