package org.licentia.activation.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.licentia.operations.OnCommit;

/** Activations at :9990/metrics: computers activated (counted once committed) and activations refused at the limit. */
@ApplicationScoped
public class ActivationMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OnCommit onCommit;

    private Counter activated;
    private Counter refused;

    @PostConstruct
    void register() {
        activated = Counter.builder("licentia.activations").description("Computers activated since the server started")
                .register(registry);
        refused = Counter.builder("licentia.activations.refused")
                .description("Activations refused since the server started: the license's computers were all taken").register(registry);
    }

    /** A new activation in the current transaction; it counts if the transaction commits. */
    public void activatedOnCommit() {
        onCommit.run(activated::increment);
    }

    public void refusedAtLimit() {
        refused.increment();
    }
}
