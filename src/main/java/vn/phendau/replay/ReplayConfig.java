package vn.phendau.replay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How an instance takes its share of replays (README, "Replays"). */
@ConfigMapping(prefix = "phendau.replay")
public interface ReplayConfig {

    /** Worker threads of this instance; 0 takes no share (another instance replays). */
    @WithDefault("2")
    int threads();

    /** Dossiers claimed at once, in one transaction. */
    @WithDefault("50")
    int chunk();

    /** How often an idle worker looks for a replay started elsewhere. */
    @WithDefault("2s")
    Duration poll();

    /** Days a finished replay keeps its list of dossiers (its counts and the assessments it added stay). */
    @WithDefault("90")
    int retentionDays();
}
