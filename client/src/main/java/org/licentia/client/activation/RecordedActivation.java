package org.licentia.client.activation;

import java.time.Instant;

/**
 * What the publisher's server has on record for an activation key on this computer, as it answered
 * an online check or a deactivation. Unlike an {@link Activation}, this is not signed: it is only as
 * good as the connection it came over.
 *
 * @param activationId null when {@code status} is {@link ActivationStatus#NOT_ACTIVATED}
 * @param deactivatedAt null unless deactivated or revoked
 */
public record RecordedActivation(ActivationStatus status, String activationId, String license, Instant deactivatedAt) {}
