package vn.phendau.batch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a list is worked through. */
@ConfigMapping(prefix = "phendau.batch")
public interface BatchConfig {

    /** Threads that check and assess a list's items side by side; 0 (the default) takes the number of processors. */
    @WithDefault("0")
    int threads();

    default int effectiveThreads() {
        return threads() > 0 ? threads() : Runtime.getRuntime().availableProcessors();
    }
}
