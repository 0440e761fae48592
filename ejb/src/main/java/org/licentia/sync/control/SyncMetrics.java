package org.licentia.sync.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.licentia.operations.OnCommit;

/**
 * The last sync this node ran, at :9990/metrics: when it started (seconds since the epoch) and its
 * outcome (the one row with value 1). In a cluster each node reports the syncs it ran itself.
 */
@ApplicationScoped
public class SyncMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OnCommit onCommit;

    private volatile Instant lastStarted;
    private MultiGauge outcome;

    @PostConstruct
    void register() {
        Gauge.builder("licentia.sync.last.start", this, m -> m.lastStarted == null ? Double.NaN : m.lastStarted.getEpochSecond())
                .description("When the last sync on this node started, in seconds since the epoch").register(registry);
        outcome = MultiGauge.builder("licentia.sync.last.outcome").description("The last sync's outcome on this node: 1 for it")
                .register(registry);
    }

    /** A sync in the current transaction; its figures show once it committed. */
    public void ranOnCommit(Instant started, String result) {
        onCommit.run(() -> {
            lastStarted = started;
            outcome.register(List.of(MultiGauge.Row.of(Tags.of("outcome", result), 1)), true);
        });
    }
}
