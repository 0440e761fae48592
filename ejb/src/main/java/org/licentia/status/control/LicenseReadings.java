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
            List<AlertRules.Alert> alerts) {

        /** VALID, EXPIRED, or RETURN_PENDING while a return holds it (it gives nothing new). */
        public String status() {
            return expired ? "EXPIRED" : returnPending ? "RETURN_PENDING" : "VALID";
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
                    AlertRules.alerts(facts, today, thresholds)));
        }
        return new Readings(today, readings);
    }
}
