package org.licentia.activation.boundary;

import java.time.Instant;

/**
 * What online validation answers: {@code ACTIVE}, {@code DEACTIVATED}, {@code REVOKED} (by staff,
 * or the license itself was revoked) or {@code NOT_ACTIVATED} (this computer never was).
 */
public record ActivationStatus(String status, String activationId, String license, Instant deactivatedAt) {}
