package org.licentia.status.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The instance's license status as the caller may see it: a summary ({@code VALID} while any
 * license is valid, {@code EXPIRED} once every one has expired, {@code NONE} without licenses),
 * the active alerts, and each license's status, dates and usage.
 */
public record StatusView(Summary summary, List<Alert> alerts, List<LicenseStatusView> licenses) {

    public record Summary(
            String status, int licenses, int valid, int expired, int alerts, LocalDate today, String timeZone) {}

    /** {@code date}: the expiry or support end a "License to Expire" or "License Expired" is about. */
    public record Alert(
            String kind, String title, String license, String account, String reason, LocalDate date, Instant since) {}

    /** {@code used} counts by the quota metric: seats held, hosts reporting, or their CPU sockets. */
    public record LicenseStatusView(
            String number,
            String account,
            String product,
            String edition,
            String source,
            Long fileSerial,
            String status,
            String syncStatus,
            LocalDate starts,
            LocalDate expires,
            Long daysLeft,
            LocalDate supportExpires,
            Long supportDaysLeft,
            String quotaMetric,
            int quota,
            int used,
            int seats,
            int seatsInUse,
            List<String> alerts) {}
}
