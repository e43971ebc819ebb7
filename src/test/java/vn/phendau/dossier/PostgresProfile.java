package vn.phendau.dossier;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service on PostgreSQL, as production runs it: given by PHENDAU_TEST_POSTGRES_URL (a JDBC URL),
 * PHENDAU_TEST_POSTGRES_USER and PHENDAU_TEST_POSTGRES_PASSWORD, which .ci/run sets once it has PostgreSQL running.
 * The schema is cleaned and migrated afresh at each start, so a run never meets the leftovers of another.
 */
public class PostgresProfile implements QuarkusTestProfile {

    public static final String URL = "PHENDAU_TEST_POSTGRES_URL";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                // Read when the tests are discovered, before DossierPostgresTest's condition skips it without a
                // database: a URL that is never connected to keeps discovery from failing on a null (issue 23).
                "quarkus.datasource.jdbc.url", env(URL, "jdbc:postgresql://localhost:5432/phendau-not-configured"),
                "quarkus.datasource.username", env("PHENDAU_TEST_POSTGRES_USER", "phendau"),
                "quarkus.datasource.password", env("PHENDAU_TEST_POSTGRES_PASSWORD", "phendau"),
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true");
    }

    private static String env(String name, String absent) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? absent : v;
    }
}
