package org.licentia.registration.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.licentia.registration.entity.HostedLicense;

/**
 * A hosted license as clients read it; {@code source} is {@code online} or {@code license-file}
 * (with its serial); {@code returnPending} while a return holds it (it gives nothing new).
 */
public record HostedLicenseView(
        String number,
        String account,
        String product,
        String edition,
        List<String> features,
        int seats,
        String quotaMetric,
        int quota,
        LocalDate starts,
        LocalDate expires,
        LocalDate supportExpires,
        String status,
        Instant uncertainSince,
        Instant registeredAt,
        String registeredBy,
        Instant validatedAt,
        String source,
        Long fileSerial,
        boolean returnPending) {

    public static HostedLicenseView of(HostedLicense h) {
        var t = h.terms();
        List<String> features = t.features() == null || t.features().isEmpty()
                ? List.of()
                : Arrays.asList(t.features().split(","));
        return new HostedLicenseView(
                h.number(),
                t.account(),
                t.product(),
                t.edition(),
                features,
                t.seats(),
                t.quotaMetric(),
                t.quota(),
                t.starts(),
                t.expires(),
                t.supportExpires(),
                h.status().name().toLowerCase(),
                h.uncertainSince(),
                h.registeredAt(),
                h.registeredBy(),
                h.validatedAt(),
                h.source().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                h.fileSerial(),
                h.isReturnPending());
    }
}
