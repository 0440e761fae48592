package org.licentia.sync.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.licentia.operations.OnCommit;

/**
 * The last sync this node ran, at :9990/metrics: when it started (seconds since the epoch) and its
 * outcome, one series per possible outcome with 1 for the last one's. In a cluster each node
 * reports the syncs it ran itself. Made with the registry's own methods: see SeatMetrics.
 */
@ApplicationScoped
public class SyncMetrics {

    static final List<String> OUTCOMES =
            List.of("COMPLETED", "PUBLISHER_UNAVAILABLE", "PUBLISHER_REFUSED", "PUBLISHER_ANSWER_INVALID");

    @Inject
    MeterRegistry registry;

    @Inject
    OnCommit onCommit;

    private volatile Instant lastStarted;
    private volatile String lastOutcome;

    /** Made at deployment, so that the figures are there (at zero) before the first event. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // the observer's instance is the one that registers; nothing else to do
    }

    @PostConstruct
    void register() {
        registry.gauge(
                "licentia.sync.last.start",
                Tags.empty(),
                this,
                m -> m.lastStarted == null ? Double.NaN : m.lastStarted.getEpochSecond());
        for (String outcome : OUTCOMES) {
            registry.gauge(
                    "licentia.sync.last.outcome",
                    Tags.of("outcome", outcome),
                    this,
                    m -> m.lastOutcome == null ? Double.NaN : outcome.equals(m.lastOutcome) ? 1 : 0);
        }
    }

    /** A sync in the current transaction; its figures show once it committed. */
    public void ranOnCommit(Instant started, String outcome) {
        onCommit.run(() -> {
            lastStarted = started;
            lastOutcome = outcome;
        });
    }
}
