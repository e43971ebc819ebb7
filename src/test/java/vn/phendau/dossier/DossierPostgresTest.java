package vn.phendau.dossier;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The dossier and replay contracts on PostgreSQL, when one is given (.ci/run starts one; see {@link PostgresProfile}). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL, matches = ".+")
class DossierPostgresTest extends ReplayContract {

    @Override
    boolean sharesClaims() {
        return true;
    }
}
