package vn.phendau.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.WithConverter;
import java.time.Duration;

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

    /**
     * Most characters (Unicode code points, as the schema's maxLength counts them) in any one text: a JSON string
     * or field name, a CSV or Excel cell. The default is the schema's longest text (a description), so no text the
     * schema allows is refused by it; it bounds what the schema does not name (unknown fields, enum values).
     */
    @WithDefault("20000")
    int stringChars();

    /** Most levels of nested objects and arrays in a proposal; the schema itself needs four. */
    @WithDefault("32")
    int nestingDepth();

    /**
     * Fewest bytes a second a request body must bring, measured over each {@link #bodyRateWindow()}: a client that
     * trickles its body is cut off rather than holding a connection (and, before, a worker) for as long as it likes.
     */
    @WithDefault("1024")
    long bodyMinRate();

    /** The span over which {@link #bodyMinRate()} is measured; the first span starts with the request. */
    @WithDefault("10s")
    @WithConverter(DurationConverter.class)  // "10s" as Quarkus reads it, also where no Quarkus runs (tests, benchmarks)
    Duration bodyRateWindow();

    /** Longest time a request body may take to arrive, whatever its rate. */
    @WithDefault("300s")
    @WithConverter(DurationConverter.class)
    Duration bodyDeadline();

    /** Most lists (API or pages) assessed at once; past it a list gets 503 with Retry-After. */
    @WithDefault("4")
    int concurrentLists();

    /**
     * Most project ids a portfolio finding (DISC-3) names; past it the finding says how many more there are
     * ({@code moreProjects}). Its findings are one per group, so a list's portfolio is bounded by its length.
     */
    @WithDefault("100")
    int findingProjectIds();

    /** Most columns of a CSV or Excel list's header; the schema has some 60 fields. */
    @WithDefault("1000")
    int listColumns();

    /** Most problems reported for one proposal or one item of a list; past it, how many more there are. */
    @WithDefault("100")
    int itemProblems();

    /**
     * Most problems reported across one list, all items together; past it, each further invalid item is still
     * listed, with only the count of its problems.
     */
    @WithDefault("10000")
    int listProblems();
}
