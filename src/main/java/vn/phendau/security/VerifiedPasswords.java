package vn.phendau.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The passwords bcrypt has lately accepted, so that an API client sending HTTP Basic with every request pays for
 * bcrypt once in a while, not on each request (bcrypt takes tens of milliseconds by design: it would cap filing at
 * a few dozen requests a second). What is kept is an HMAC of the password under a key made at start and never
 * stored, with the stored hash it matched: a changed or deleted user no longer matches, and a wrong password is never
 * answered from here, so it still pays for bcrypt in full (guessing gains nothing).
 */
final class VerifiedPasswords {

    /** Past this many names the memory is emptied rather than grown: a bound, not a cache policy. */
    static final int MAX_NAMES = 10_000;

    private record Verified(byte[] mac, String hash, long untilNanos) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final long ttlNanos;

    VerifiedPasswords(Duration ttl) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttlNanos = ttl.toNanos();
    }

    /** Whether bcrypt accepted this password for this stored hash within the time to live. */
    boolean holds(String name, String hash, char[] password) {
        if (ttlNanos <= 0) {
            return false;
        }
        Verified v = verified.get(name);
        return v != null && System.nanoTime() - v.untilNanos() < 0 && v.hash().equals(hash)
                && MessageDigest.isEqual(v.mac(), mac(password));
    }

    /** Bcrypt accepted this password for this stored hash just now. */
    void accepted(String name, String hash, char[] password) {
        if (ttlNanos <= 0) {
            return;
        }
        if (verified.size() >= MAX_NAMES) {
            verified.clear();
        }
        verified.put(name, new Verified(mac(password), hash, System.nanoTime() + ttlNanos));
    }

    private byte[] mac(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }
}
