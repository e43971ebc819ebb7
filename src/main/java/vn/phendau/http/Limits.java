package vn.phendau.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The limits on what a client may send; defaults stated in the README, each overridable by configuration. */
@ConfigMapping(prefix = "phendau.limits")
public interface Limits {

    /** Largest single-proposal body, in bytes. */
    @WithDefault("1048576")
    long bodyBytes();

    /** Largest list body (JSON, CSV or Excel), in bytes. */
    @WithDefault("52428800")
    long batchBytes();

    /** Most items in one list. */
    @WithDefault("100000")
    int batchItems();
}
