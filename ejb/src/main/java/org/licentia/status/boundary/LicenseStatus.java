package org.licentia.status.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.licentia.operations.LicenseCalendar;
import org.licentia.registration.control.HostedLicenseAccess;
import org.licentia.status.control.AlertLedger;
import org.licentia.status.control.AlertRules;
import org.licentia.status.control.LicenseReadings;
import org.licentia.status.entity.LicenseAlert;

/**
 * On-prem side: the License page's status, read now (not as of the last alert check), for the
 * licenses the caller may see; an alert's {@code since} is when the alert watch saw it start.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class LicenseStatus {

    @Inject
    LicenseReadings readings;

    @Inject
    AlertLedger ledger;

    @Inject
    HostedLicenseAccess access;

    @Inject
    LicenseCalendar calendar;

    public StatusView status() {
        LicenseReadings.Readings now = readings.read();
        List<LicenseReadings.Reading> visible =
                access.visible(now.licenses(), r -> r.terms().account());
        Map<String, Instant> since = new HashMap<>();
        for (LicenseAlert a : ledger.openAlerts()) {
            since.put(a.kind() + ":" + a.licenseNumber(), a.startedAt());
        }
        List<StatusView.Alert> alerts = visible.stream()
                .flatMap(r -> r.alerts().stream())
                .map(a -> new StatusView.Alert(
                        a.kind().name(),
                        a.kind().title(),
                        a.license(),
                        a.account(),
                        a.reason(),
                        a.date(),
                        since.get(a.kind().name() + ":" + a.license())))
                .toList();
        List<StatusView.LicenseStatusView> licenses =
                visible.stream().map(r -> view(r, now)).toList();
        int expired =
                (int) visible.stream().filter(LicenseReadings.Reading::expired).count();
        String summary = visible.isEmpty()
                ? "NONE"
                : expired == visible.size()
                        ? "EXPIRED"
                        : visible.stream().anyMatch(LicenseReadings.Reading::returnPending)
                                ? "RETURN_PENDING"
                                : visible.stream().anyMatch(LicenseReadings.Reading::keyBufferEnded)
                                        ? "KEY_BUFFER_ENDED"
                                        : "VALID";
        return new StatusView(
                new StatusView.Summary(
                        summary,
                        visible.size(),
                        visible.size() - expired,
                        expired,
                        alerts.size(),
                        now.today(),
                        calendar.zone().getId()),
                alerts,
                licenses);
    }

    private static StatusView.LicenseStatusView view(LicenseReadings.Reading r, LicenseReadings.Readings now) {
        var t = r.terms();
        return new StatusView.LicenseStatusView(
                r.number(),
                t.account(),
                t.product(),
                t.edition(),
                r.source().toLowerCase(Locale.ROOT).replace('_', '-'),
                r.fileSerial(),
                r.status(),
                r.syncStatus().name().toLowerCase(Locale.ROOT),
                t.starts(),
                t.expires(),
                AlertRules.daysLeft(t.expires(), now.today()),
                t.supportExpires(),
                AlertRules.daysLeft(t.supportExpires(), now.today()),
                t.quotaMetric(),
                r.quota(),
                r.used(),
                t.seats(),
                r.seatsInUse(),
                r.alerts().stream().map(a -> a.kind().name()).toList());
    }
}
