package org.licentia.activation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Activation settings, read on every use so that a change through the management API applies at once. */
@ApplicationScoped
public class ActivationSettings {

    @Inject
    Config config;

    /** How many deactivations a license may have in 24 hours before new activations of it wait. */
    public int maxDeactivationsPerDay() {
        return config.getOptionalValue("licentia.activation.max-deactivations-per-day", Integer.class)
                .orElse(10);
    }

    /** How many form submissions one client address may make on the self-help pages per minute. */
    public int selfHelpRequestsPerMinute() {
        return config.getOptionalValue("licentia.self-help.max-requests-per-minute", Integer.class)
                .orElse(20);
    }

    /** How many calls one client address may make per minute to the activation endpoints that need no sign-in. */
    public int activationRequestsPerMinute() {
        return config.getOptionalValue("licentia.activation.max-requests-per-minute", Integer.class)
                .orElse(120);
    }
}
