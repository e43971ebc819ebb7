package vn.phendau.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The failed sign-ins past the audit's bound reach the chain when their window ends by itself, with no later failure
 * and no shutdown to write them (a window of 2 seconds here, a minute by default).
 */
@QuarkusTest
@TestProfile(SignInWindowTest.ShortWindow.class)
class SignInWindowTest {

    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phendau.security.failed-sign-ins-window", "2s", "phendau.security.failed-sign-ins-recorded-per-minute", "2");
        }
    }

    @Test
    void theWindowsEndWritesTheRestAsOneEntry() throws Exception {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 6; i++) {
            RolesTest.problem(As.user(name, "guess-" + i).get("/api/v1/dossiers"), 401);
        }
        Optional<String> entry = Optional.empty();
        for (int tries = 0; tries < 60 && entry.isEmpty(); tries++) {
            Thread.sleep(500);
            List<String> more = As.auditor().queryParam("action", "SIGN_IN_FAILED_MORE").queryParam("size", 100).get("/api/v1/audit")
                    .jsonPath().getList("items.subject");
            entry = more.stream().filter(s -> s.contains("user:" + name)).findFirst();
        }
        Thread.sleep(3000);  // a second window the failures may have reached has ended too
        // Six failures within a window or two: two recorded one by one in each window it spans, the rest counted.
        List<String> one = As.auditor().queryParam("action", "SIGN_IN_FAILED").queryParam("size", 100).get("/api/v1/audit")
                .jsonPath().getList("items.subject");
        long recorded = one.stream().filter(("user:" + name)::equals).count();
        assertThat(entry.isPresent(), equalTo(true));
        assertThat(entry.get(), containsString(" +2s: "));
        List<String> all = As.auditor().queryParam("action", "SIGN_IN_FAILED_MORE").queryParam("size", 100).get("/api/v1/audit")
                .jsonPath().getList("items.subject");
        long counted = all.stream().filter(s -> s.contains("user:" + name + " "))
                .mapToLong(s -> Long.parseLong(s.substring(s.indexOf("user:" + name + " ") + name.length() + 6).split("[,\\s]")[0])).sum();
        assertThat(recorded + counted, equalTo(6L));
        As.auditor().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }
}
