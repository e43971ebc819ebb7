package vn.phendau.dossier;

import io.quarkus.test.junit.QuarkusTest;

/** The dossier and replay contracts on the embedded default, H2 (the tests' own, in memory: never ./data). */
@QuarkusTest
class DossierH2Test extends ReplayContract {

    @Override
    boolean sharesClaims() {
        return false;
    }
}
