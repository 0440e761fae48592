package org.licentia.seats.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.LicenseNumbers;
import org.licentia.seats.control.HostedSeatTerms;
import org.licentia.seats.control.LeaseStore;
import org.licentia.seats.control.SeatSettings;
import org.licentia.seats.control.UsageCounters;
import org.licentia.seats.entity.SeatLease;
import org.licentia.seats.entity.SeatPool;
import org.licentia.seats.entity.SeatTerms;
import org.licentia.seats.entity.SeatUsage;

/** What the instance's administrator sees and does with seats: who holds which, revoking a lease, usage. */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class Reservations {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    LeaseStore store;

    @Inject
    HostedSeatTerms hosted;

    @Inject
    SeatSettings settings;

    @Inject
    UsageCounters usage;

    @Inject
    AuditTrail audit;

    /** The live leases, of one license or of all; oldest first. */
    public List<LeaseView> leases(String license) {
        caller.requirePublisherAdmin("see the seat reservations");
        Stream<String> licenses =
                license == null ? store.licenses().stream() : Stream.of(LicenseNumbers.requireValid(license));
        Instant now = Instant.now();
        long heartbeat = settings.heartbeatInterval().toSeconds();
        return licenses.map(store::pool)
                .flatMap(Optional::stream)
                .flatMap(p -> p.leases().stream())
                .filter(l -> l.isLiveAt(now))
                .sorted(Comparator.comparing(SeatLease::reservedAt).thenComparing(SeatLease::id))
                .map(l -> LeaseView.of(
                        l, hosted.of(l.license()).map(SeatTerms::product).orElse(null), l.borrowed() ? 0 : heartbeat))
                .toList();
    }

    /** Ends a lease now; its client learns it at its next heartbeat. */
    public void revoke(String leaseId) {
        caller.requirePublisherAdmin("revoke seat reservations");
        String license = SeatLease.licenseOf(leaseId);
        Optional<SeatPool.Decision> ended =
                license == null ? Optional.empty() : store.change(license, pool -> pool.end(leaseId));
        SeatLease lease = ended.map(SeatPool.Decision::lease).orElseThrow(() -> Seats.notFound(leaseId));
        store.remember(lease, "revoked", "revoked by " + caller.email() + " at " + Instant.now());
        usage.count(license, SeatUsage.Event.REVOKED);
        audit.record("seat.revoke", "seat-lease", leaseId, LeaseView.of(lease, null, 0), null);
    }

    /** The hourly usage records of a license (or all), newest first, including the counts not yet written. */
    public List<SeatUsageView> usage(String license) {
        caller.requirePublisherAdmin("see seat usage");
        usage.flush();
        List<SeatUsage> rows = license == null
                ? em.createQuery("select u from SeatUsage u order by u.hour desc, u.license", SeatUsage.class)
                        .setMaxResults(10_000)
                        .getResultList()
                : em.createQuery(
                                "select u from SeatUsage u where u.license = :license order by u.hour desc",
                                SeatUsage.class)
                        .setParameter("license", LicenseNumbers.requireValid(license))
                        .setMaxResults(10_000)
                        .getResultList();
        return rows.stream()
                .map(u -> new SeatUsageView(
                        u.license(),
                        u.hour(),
                        u.reservations(),
                        u.releases(),
                        u.expiries(),
                        u.borrows(),
                        u.revocations(),
                        u.ended(),
                        u.denials()))
                .toList();
    }
}
