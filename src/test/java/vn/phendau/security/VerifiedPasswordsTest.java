package vn.phendau.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A password bcrypt accepted is taken as checked only for the same name, stored hash and password, and not for long. */
class VerifiedPasswordsTest {

    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuJ0o3o6Fq0cBv0m7hTqHnPp1vJ4sNq7C";

    @Test
    void theSamePasswordForTheSameHashHoldsWithinItsTime() {
        VerifiedPasswords v = new VerifiedPasswords(Duration.ofMinutes(5));
        assertFalse(v.holds("officer-ls", HASH, "đúng-mật-khẩu".toCharArray()), "nothing is held before bcrypt accepted it");
        v.accepted("officer-ls", HASH, "đúng-mật-khẩu".toCharArray());
        assertTrue(v.holds("officer-ls", HASH, "đúng-mật-khẩu".toCharArray()));
    }

    @Test
    void aWrongPasswordAnotherNameOrAChangedHashIsNeverAnsweredFromMemory() {
        VerifiedPasswords v = new VerifiedPasswords(Duration.ofMinutes(5));
        v.accepted("officer-ls", HASH, "đúng-mật-khẩu".toCharArray());
        assertFalse(v.holds("officer-ls", HASH, "dung-mat-khau".toCharArray()), "another password");
        assertFalse(v.holds("officer-ls", HASH, "đúng-mật-khẩu ".toCharArray()), "one more character");
        assertFalse(v.holds("officer-cb", HASH, "đúng-mật-khẩu".toCharArray()), "another user");
        assertFalse(v.holds("officer-ls", HASH.replace('a', 'b'), "đúng-mật-khẩu".toCharArray()),
                "the user was made again with a new password (another instance may have done it)");
    }

    @Test
    void itForgetsOnceItsTimeIsUpAndKeepsNothingWhenTheTimeIsZero() throws InterruptedException {
        VerifiedPasswords brief = new VerifiedPasswords(Duration.ofMillis(50));
        brief.accepted("admin", HASH, "mật-khẩu-quản-trị".toCharArray());
        Thread.sleep(120);
        assertFalse(brief.holds("admin", HASH, "mật-khẩu-quản-trị".toCharArray()));

        VerifiedPasswords never = new VerifiedPasswords(Duration.ZERO);
        never.accepted("admin", HASH, "mật-khẩu-quản-trị".toCharArray());
        assertFalse(never.holds("admin", HASH, "mật-khẩu-quản-trị".toCharArray()));
    }

    @Test
    void itIsBoundedInNames() {
        VerifiedPasswords v = new VerifiedPasswords(Duration.ofMinutes(5));
        for (int i = 0; i <= VerifiedPasswords.MAX_NAMES; i++) {
            v.accepted("user-" + i, HASH, "mật-khẩu".toCharArray());
        }
        assertFalse(v.holds("user-0", HASH, "mật-khẩu".toCharArray()), "emptied when full");
        assertTrue(v.holds("user-" + VerifiedPasswords.MAX_NAMES, HASH, "mật-khẩu".toCharArray()));
    }
}
