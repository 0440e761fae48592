package org.licentia.hosts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.seats.control.HostedSeatTerms;
import org.licentia.seats.entity.SeatTerms;

/**
 * The seed's "most platform features will be restricted": a hosted license whose hosts or CPU
 * sockets are over its quota gives nothing new (seats, activations; hosts are refused by their own
 * admission) until usage is back within it. What is held keeps working. Reads copies in memory,
 * so a seat request costs no query.
 */
@ApplicationScoped
public class QuotaRestriction {

    @Inject
    HostedSeatTerms hosted;

    @Inject
    org.licentia.hardwarekey.control.KeyGate keyGate;

    @Inject
    HostUsage usage;

    /** Throws {@code INSUFFICIENT_QUOTA} when this instance hosts {@code license} and it is over its quota. */
    public void requireWithinQuota(String license) {
        hosted.of(license).ifPresent(this::requireWithinQuota);
    }

    /** Also refuses, with {@code LICENSE_RETURN_PENDING}, a license held by a pending return. */
    public void requireWithinQuota(SeatTerms terms) {
        if (terms.returnPending()) {
            throw returnPending(terms.license());
        }
        keyGate.requireUsable(terms.license());
        if (terms.countsHosts()) {
            int used = usage.of(terms.license()).by(terms.quotaMetric());
            if (used > terms.quota()) {
                throw overQuota(terms.license(), terms.quotaMetric(), used, terms.quota());
            }
        }
    }

    public static LicensingException returnPending(String license) {
        return new LicensingException(
                ErrorCode.LICENSE_RETURN_PENDING,
                "License " + license + " is being returned to the publisher: it gives no new seats, hosts or"
                        + " activations",
                Map.of("license", license));
    }

    public static LicensingException overQuota(String license, String metric, int used, int quota) {
        return new LicensingException(
                ErrorCode.INSUFFICIENT_QUOTA,
                "Insufficient license quota: license " + license + " uses " + used + " " + metric + " of a quota of "
                        + quota + "; nothing new is granted until usage is back within the quota",
                Map.of(
                        "license",
                        license,
                        "quotaMetric",
                        metric,
                        "used",
                        Integer.toString(used),
                        "quota",
                        Integer.toString(quota)));
    }
}
