package org.licentia.catalog.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.licentia.catalog.entity.License;

/** A license as clients read it, detached from the persistence context. */
public record LicenseView(
        String number,
        String account,
        String product,
        String productName,
        String edition,
        List<String> features,
        int seats,
        String quotaMetric,
        int quota,
        LocalDate starts,
        LocalDate expires,
        LocalDate supportExpires,
        String state,
        String revocationReason,
        String activationKey,
        int maxActivations,
        String registeredInstance,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static LicenseView of(License l) {
        var t = l.terms();
        return new LicenseView(
                l.number(),
                l.owner().name(),
                l.product().code(),
                l.product().name(),
                l.edition().code(),
                l.edition().features(),
                t.seats(),
                t.quotaMetric().id(),
                t.quota(),
                t.starts(),
                t.expires(),
                t.supportExpires(),
                l.state().id(),
                l.revocationReason(),
                l.activationKey(),
                t.maxActivations(),
                l.registeredInstance(),
                l.version(),
                l.createdAt(),
                l.updatedAt());
    }
}
