package vn.phendau.cli;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.quarkus.runtime.QuarkusBindException;

/**
 * Why the service could not start, in one line in both languages, for the failures a second copy meets: its port
 * taken, or its H2 file held by the first. Any other failure is told with its stack trace, as Quarkus tells it.
 */
final class StartFailure {

    /** H2's "Database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    static final int H2_DATABASE_IN_USE = 90020;

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern LOCKED = Pattern.compile("The file is locked: (\\S+)");

    private StartFailure() {
    }

    static Optional<String> describe(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof QuarkusBindException bind) {
                return Optional.of(portInUse(bind.getPort()));
            }
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                Matcher m = QUOTED.matcher(String.valueOf(sql.getMessage()));
                return Optional.of(databaseInUse(m.find() ? m.group(1) : null));
            }
            if (t.getClass().getName().equals("org.h2.mvstore.MVStoreException") && t.getMessage() != null) {
                Matcher m = LOCKED.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(databaseInUse(m.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    static String portInUse(int port) {
        return "Không khởi động được: cổng " + port + " đang được dùng (có thể một bản Phên Dậu khác đang chạy); chọn cổng khác"
                + " bằng -Dquarkus.http.port=… hoặc QUARKUS_HTTP_PORT / Cannot start: port " + port + " is in use (another copy"
                + " of Phên Dậu may be running); choose another with -Dquarkus.http.port=… or QUARKUS_HTTP_PORT";
    }

    static String databaseInUse(String file) {
        String which = file == null ? "" : " " + file;
        return "Không khởi động được: tệp cơ sở dữ liệu" + which + " đang được một tiến trình khác dùng (có thể một bản Phên Dậu"
                + " khác đang chạy; mỗi lúc chỉ một bản dùng được một tệp H2) / Cannot start: the database file" + which
                + " is in use by another process (another copy of Phên Dậu may be running; one copy at a time can use an H2 file)";
    }
}
