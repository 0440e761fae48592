package org.licentia.client.activation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An activation of a node-locked license on this computer, as its verified {@link ComputerKey}
 * states it: everything here was signed by the publisher for this activation key and computer ID.
 *
 * @param activationId the server's ID of the activation, which a {@link DeactivationCode} names
 * @param license the license number
 * @param expires the last day (UTC) the activation may be used, or null for no end
 * @param issuedAt when the publisher signed the computer key
 * @param status {@link ActivationStatus#ACTIVE} unless the server said otherwise when it answered
 */
public record Activation(
        String activationId,
        String license,
        List<String> features,
        LocalDate expires,
        Instant issuedAt,
        ActivationKey activationKey,
        ComputerId computerId,
        ComputerKey computerKey,
        ActivationStatus status) {

    public Activation {
        features = List.copyOf(features);
    }

    static Activation of(ComputerKey key, ActivationKey activationKey, ComputerId computerId, ActivationStatus status) {
        ComputerKey.Terms terms = key.terms();
        return new Activation(
                terms.activationId(),
                terms.licenseNumber(),
                terms.features(),
                terms.expires(),
                terms.issuedAt(),
                activationKey,
                computerId,
                key,
                status);
    }

    public boolean hasFeature(String feature) {
        return features.contains(feature);
    }
}
