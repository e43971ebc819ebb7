package vn.phendau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.QuarkusBindException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The failures a second copy meets are told in one line, found however deep Quarkus wraps them; others are not. */
class StartFailureTest {

    @Test
    void aTakenPortIsOneLineInBothLanguages() {
        Throwable t = new RuntimeException("Failed to start quarkus", new QuarkusBindException("localhost", 18240,
                new java.net.BindException("Address already in use")));
        String line = StartFailure.describe(t).orElseThrow();
        assertTrue(line.startsWith("Không khởi động được: cổng 18240 đang được dùng"), line);
        assertTrue(line.contains(" / Cannot start: port 18240 is in use"), line);
        assertEquals(1, line.lines().count());
    }

    @Test
    void aHeldH2FileIsOneLineNamingTheFile() {
        SQLException inUse = new SQLException("Database may be already in use: \"/srv/data/phendau.mv.db\". Possible solutions: "
                + "close all other connection(s); use the server mode [90020-240]", "90020", StartFailure.H2_DATABASE_IN_USE);
        Throwable t = new RuntimeException("Failed to start quarkus", new IllegalStateException("Unable to obtain connection", inUse));
        String line = StartFailure.describe(t).orElseThrow();
        assertTrue(line.contains("tệp cơ sở dữ liệu /srv/data/phendau.mv.db đang được một tiến trình khác dùng"), line);
        assertTrue(line.contains("the database file /srv/data/phendau.mv.db is in use by another process"), line);
    }

    @Test
    void anyOtherFailureIsNotDescribed() {
        for (Throwable t : List.of(new RuntimeException("boom"), new RuntimeException(new SQLException("no such table", "42S02", 42102)))) {
            assertEquals(Optional.empty(), StartFailure.describe(t));
        }
    }
}
