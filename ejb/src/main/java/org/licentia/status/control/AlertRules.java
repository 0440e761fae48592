package org.licentia.status.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's rules, as pure functions of a license's dates and usage on a given day. A license
 * "expires on" its expiry date: it is valid through that day, and expired from the next.
 */
public final class AlertRules {

    private AlertRules() {}

    public enum Kind {
        LICENSE_TO_EXPIRE("License to Expire"),
        LICENSE_EXPIRED("License Expired"),
        INSUFFICIENT_QUOTA("Insufficient License Quota"),
        USB_KEY_ABNORMALITY("USB Key Abnormality");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** When to warn: fewer than this many days of the license, or of its after-sales support, left. */
    public record Thresholds(int expiryWarningDays, int supportWarningDays) {}

    /** What the rules look at: the license's dates, and its usage by its quota metric. */
    public record Facts(
            String license,
            String account,
            LocalDate expires,
            LocalDate supportExpires,
            String quotaMetric,
            int quota,
            int used) {}

    public record Alert(Kind kind, String license, String account, String reason, LocalDate date) {}

    /**
     * A license from a hardware key whose keys are not as they should be: the key, the status
     * across the nodes, since when, and when its buffer license ends (or ended).
     */
    public record KeyFacts(String key, String status, java.time.Instant since, java.time.Instant bufferEndsAt) {

        public boolean bufferEnded(java.time.Instant now) {
            return !now.isBefore(bufferEndsAt);
        }
    }

    /** The seed's USB key alert for a license of the key in {@code k}, read at {@code now}. */
    public static Alert keyAlert(String license, String account, KeyFacts k, java.time.Instant now) {
        return new Alert(
                Kind.USB_KEY_ABNORMALITY,
                license,
                account,
                "License " + license + " comes from USB key " + k.key() + ", whose status is " + k.status() + " since "
                        + k.since()
                        + (k.bufferEnded(now)
                                ? "; its buffer license ended at " + k.bufferEndsAt()
                                        + ": no new seats, hosts or activations until the key is back"
                                : "; its buffer license keeps it usable until " + k.bufferEndsAt()),
                null);
    }

    public static boolean isExpired(Facts f, LocalDate today) {
        return f.expires() != null && f.expires().isBefore(today);
    }

    /** Days of validity left after today: 0 on the last day, negative once expired; null for a perpetual license. */
    public static Long daysLeft(LocalDate end, LocalDate today) {
        return end == null ? null : ChronoUnit.DAYS.between(today, end);
    }

    public static List<Alert> alerts(Facts f, LocalDate today, Thresholds t) {
        List<Alert> alerts = new ArrayList<>(2);
        if (isExpired(f, today)) {
            alerts.add(new Alert(
                    Kind.LICENSE_EXPIRED,
                    f.license(),
                    f.account(),
                    "License " + f.license() + " expired on " + f.expires(),
                    f.expires()));
            return alerts;
        }
        Long left = daysLeft(f.expires(), today);
        Long supportLeft = daysLeft(f.supportExpires(), today);
        boolean licenseEnding = left != null && left < t.expiryWarningDays();
        boolean supportEnding = supportLeft != null && supportLeft >= 0 && supportLeft < t.supportWarningDays();
        if (licenseEnding) {
            alerts.add(new Alert(
                    Kind.LICENSE_TO_EXPIRE,
                    f.license(),
                    f.account(),
                    "License " + f.license() + " expires on " + f.expires() + " (" + days(left) + " left)"
                            + (supportEnding ? "; its after-sales support ends on " + f.supportExpires() : ""),
                    f.expires()));
        } else if (supportEnding) {
            alerts.add(new Alert(
                    Kind.LICENSE_TO_EXPIRE,
                    f.license(),
                    f.account(),
                    "The after-sales support of license " + f.license() + " ends on " + f.supportExpires() + " ("
                            + days(supportLeft) + " left)",
                    f.supportExpires()));
        }
        if (f.used() > f.quota()) {
            alerts.add(new Alert(
                    Kind.INSUFFICIENT_QUOTA,
                    f.license(),
                    f.account(),
                    "License " + f.license() + " uses " + f.used() + " " + f.quotaMetric() + " of a quota of "
                            + f.quota() + ": no new " + f.quotaMetric() + " until usage is within it",
                    null));
        }
        return alerts;
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }
}
