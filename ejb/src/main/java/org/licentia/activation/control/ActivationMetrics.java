package org.licentia.activation.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.licentia.operations.OnCommit;

/**
 * Activations at :9990/metrics, since the server started: computers activated (counted once
 * committed) and activations refused because the license's computers were all taken.
 */
@ApplicationScoped
public class ActivationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OnCommit onCommit;

    private Counter activated;
    private Counter refused;

    /** Made at deployment, so that the figures are there (at zero) before the first event. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // the observer's instance is the one that registers; nothing else to do
    }

    @PostConstruct
    void register() {
        // The registry's own methods, not Micrometer's builders: see SeatMetrics.
        activated = registry.counter("licentia.activations");
        refused = registry.counter("licentia.activations.refused");
    }

    /** A new activation in the current transaction; it counts if the transaction commits. */
    public void activatedOnCommit() {
        onCommit.run(activated::increment);
    }

    public void refusedAtLimit() {
        refused.increment();
    }
}
