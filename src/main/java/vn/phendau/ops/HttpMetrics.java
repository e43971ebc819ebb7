package vn.phendau.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The latency of each endpoint, as the HTTP layer times it (one series per method, route template and status),
 * named as our own metrics are and kept as a histogram, so that a Prometheus server can take any percentile over
 * any window and across instances.
 */
@Singleton
public class HttpMetrics {

    static final String QUARKUS_NAME = "http.server.requests";
    static final String NAME = "phendau.http.requests";

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().equals(QUARKUS_NAME) ? id.withName(NAME) : id;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(NAME)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos())
                        .build().merge(config);
            }
        };
    }
}
