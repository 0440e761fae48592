package org.licentia.status.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.licentia.hosts.control.HostUsage;
import org.licentia.operations.LicenseCalendar;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedTerms;
import org.licentia.seats.control.LeaseStore;
import org.licentia.seats.entity.SeatPool;

/**
 * Reads every hosted license with its usage now (seats held, hosts or CPU sockets reported) and
 * applies {@link AlertRules} to it: what the status answer, the alert watch and the metrics show.
 */
@ApplicationScoped
public class LicenseReadings {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LeaseStore leases;

    @Inject
    HostUsage hosts;

    @Inject
    LicenseCalendar calendar;

    @Inject
    AlertSettings settings;

    @Inject
    org.licentia.hardwarekey.control.KeyGate keyGate;

    /** One hosted license, read on {@code today}; {@code used} of {@code quota} by its quota metric (seats count as seats). */
    public record Reading(
            String number,
            HostedTerms terms,
            String source,
            Long fileSerial,
            HostedLicense.SyncStatus syncStatus,
            int seatsInUse,
            int used,
            int quota,
            boolean expired,
            boolean returnPending,
            boolean keyBufferEnded,
            List<AlertRules.Alert> alerts) {

        /**
         * VALID, EXPIRED, RETURN_PENDING while a return holds it, or KEY_BUFFER_ENDED once the
         * buffer license of its removed or faulty hardware key has ended (both give nothing new).
         */
        public String status() {
            return expired
                    ? "EXPIRED"
                    : returnPending ? "RETURN_PENDING" : keyBufferEnded ? "KEY_BUFFER_ENDED" : "VALID";
        }
    }

    public record Readings(LocalDate today, List<Reading> licenses) {

        public List<AlertRules.Alert> alerts() {
            return licenses.stream().flatMap(r -> r.alerts().stream()).toList();
        }
    }

    public Readings read() {
        LocalDate today = calendar.today();
        AlertRules.Thresholds thresholds = settings.thresholds();
        List<Reading> readings = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        java.util.Optional<AlertRules.KeyFacts> key = keyGate.facts();
        for (Object[] row : em.createQuery(
                        "select h.number, h.terms, h.source, h.fileSerial, h.status, h.returnRequest"
                                + " from HostedLicense h"
                                + " order by h.number",
                        Object[].class)
                .getResultList()) {
            String number = (String) row[0];
            HostedTerms t = (HostedTerms) row[1];
            int seatsInUse = leases.pool(number).map(SeatPool::size).orElse(0);
            int used = "seats".equals(t.quotaMetric())
                    ? seatsInUse
                    : hosts.of(number).by(t.quotaMetric());
            int quota = "seats".equals(t.quotaMetric()) ? t.seats() : t.quota();
            AlertRules.Facts facts = new AlertRules.Facts(
                    number, t.account(), t.expires(), t.supportExpires(), t.quotaMetric(), quota, used);
            List<AlertRules.Alert> alerts = new ArrayList<>(AlertRules.alerts(facts, today, thresholds));
            boolean fromKey = HostedLicense.HARDWARE_KEY.equals(row[2]);
            if (fromKey && key.isPresent() && !AlertRules.isExpired(facts, today)) {
                alerts.add(AlertRules.keyAlert(number, t.account(), key.get(), now));
            }
            readings.add(new Reading(
                    number,
                    t,
                    (String) row[2],
                    (Long) row[3],
                    (HostedLicense.SyncStatus) row[4],
                    seatsInUse,
                    used,
                    quota,
                    AlertRules.isExpired(facts, today),
                    row[5] != null,
                    fromKey && key.isPresent() && key.get().bufferEnded(now),
                    List.copyOf(alerts)));
        }
        return new Readings(today, readings);
    }
}
