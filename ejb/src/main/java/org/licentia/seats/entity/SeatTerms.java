package org.licentia.seats.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What seat decisions need to know of a hosted license, read from its registration document.
 *
 * @param hostsQuota the most distinct hosts that may hold seats at once, 0 for no such limit
 * @param uncertainSince when the publisher last could not confirm the license, null while it is confirmed
 */
public record SeatTerms(
        String license,
        String product,
        List<String> features,
        int seats,
        int hostsQuota,
        LocalDate expires,
        Instant uncertainSince) {

    public SeatTerms {
        features = List.copyOf(features);
    }

    public boolean hasFeature(String feature) {
        return feature == null || features.contains(feature);
    }
}
