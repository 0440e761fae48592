package org.licentia.hosts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How many hosts, and how many CPU sockets, count against each license now. Admissions count
 * exactly in their own locked transaction ({@link #counted}); seat decisions, status and metrics
 * read a copy at most {@link #MAX_AGE} old, so a reservation does not cost a query.
 */
@ApplicationScoped
public class HostUsage {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    public record Usage(int hosts, int cpuSockets) {
        public static final Usage NONE = new Usage(0, 0);

        /** What a license's quota metric counts: hosts, or CPU sockets. */
        public int by(String quotaMetric) {
            return "cpu-sockets".equals(quotaMetric) ? cpuSockets : hosts;
        }
    }

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    HostSettings settings;

    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, Usage> byLicense, Instant loadedAt) {}

    public Usage of(String license) {
        return current().byLicense().getOrDefault(license, Usage.NONE);
    }

    /** All hosts counted now, and their CPU sockets: the quota usage a request code reports. */
    public Usage total() {
        int hosts = 0;
        int sockets = 0;
        for (Usage u : current().byLicense().values()) {
            hosts += u.hosts();
            sockets += u.cpuSockets();
        }
        return new Usage(hosts, sockets);
    }

    public void invalidate() {
        snapshot = null;
    }

    /**
     * The exact usage of one license, inside the caller's transaction. A host being admitted is not
     * in it: it is new, or stopped reporting, or counts against another license.
     */
    public Usage counted(String license, Instant now) {
        Object[] row = em.createQuery(
                        "select count(h), coalesce(sum(h.cpuSockets), 0) from ReportedHost h"
                                + " where h.licenseNumber = :license and h.lastReportedAt > :cutoff",
                        Object[].class)
                .setParameter("license", license)
                .setParameter("cutoff", now.minus(settings.reportTtl()))
                .getSingleResult();
        return new Usage(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        return s == null || s.loadedAt().isBefore(Instant.now().minus(MAX_AGE)) ? reload(s) : s;
    }

    /** One query at a time: threads that find the copy old while another reloads it take the new one. */
    private synchronized Snapshot reload(Snapshot seen) {
        Snapshot s = snapshot;
        if (s != null && s != seen) {
            return s;
        }
        Instant now = Instant.now();
        Map<String, Usage> byLicense = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select h.licenseNumber, count(h), coalesce(sum(h.cpuSockets), 0) from ReportedHost h"
                                + " where h.lastReportedAt > :cutoff group by h.licenseNumber",
                        Object[].class)
                .setParameter("cutoff", now.minus(settings.reportTtl()))
                .getResultList()) {
            byLicense.put((String) row[0], new Usage(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        s = new Snapshot(Map.copyOf(byLicense), now);
        snapshot = s;
        return s;
    }
}
