package org.licentia.seats.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What seat decisions need to know of a hosted license, read from its registration document.
 *
 * @param hostsQuota the most distinct hosts that may hold seats at once, 0 for no such limit
 * @param uncertainSince when the publisher last could not confirm the license, null while it is confirmed
 * @param quotaMetric what the license's quota counts: seats, hosts or cpu-sockets
 * @param returnPending a return of the license to the publisher is pending: nothing new is given
 */
public record SeatTerms(
        String license,
        String product,
        List<String> features,
        int seats,
        int hostsQuota,
        LocalDate expires,
        Instant uncertainSince,
        String quotaMetric,
        int quota,
        boolean returnPending) {

    public SeatTerms {
        features = List.copyOf(features);
    }

    /** Licensed by hosts or CPU sockets, which the product's hosts report, rather than by seats alone. */
    public boolean countsHosts() {
        return "hosts".equals(quotaMetric) || "cpu-sockets".equals(quotaMetric);
    }

    public boolean isExpiredOn(LocalDate day) {
        return expires != null && expires.isBefore(day);
    }

    public boolean hasFeature(String feature) {
        return feature == null || features.contains(feature);
    }
}
