package org.licentia.activation.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An activation as clients and staff see it; {@code computerKey} only in the answer to an
 * activation, since only then is it signed.
 */
public record ActivationView(
        String activationId,
        String license,
        String product,
        String computerId,
        String computerName,
        Map<String, String> fields,
        String status,
        Instant activatedAt,
        Instant deactivatedAt,
        LocalDate expires,
        List<String> features,
        String computerKey) {}
