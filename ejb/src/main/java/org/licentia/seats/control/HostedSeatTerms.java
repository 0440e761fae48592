package org.licentia.seats.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedTerms;
import org.licentia.seats.entity.SeatTerms;

/**
 * The hosted licenses' terms as seat decisions need them, kept in memory: a reservation must not
 * cost a database query. The copy is replaced after every local registration or sync, and is at
 * most {@link #MAX_AGE} old, which bounds how long a change made through another node takes.
 */
@ApplicationScoped
public class HostedSeatTerms {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** A license missing from the copy triggers a reload, but not more often than this. */
    private static final Duration MISS_RELOAD = Duration.ofMillis(250);

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, SeatTerms> byNumber, Instant loadedAt) {}

    public Optional<SeatTerms> of(String license) {
        Snapshot s = current();
        SeatTerms terms = s.byNumber().get(license);
        if (terms == null && s.loadedAt().isBefore(Instant.now().minus(MISS_RELOAD))) {
            terms = reload(s).byNumber().get(license);
        }
        return Optional.ofNullable(terms);
    }

    public Collection<SeatTerms> all() {
        return current().byNumber().values();
    }

    public boolean isHosted(String license) {
        return of(license).isPresent();
    }

    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().isBefore(Instant.now().minus(MAX_AGE))) {
            s = reload(s);
        }
        return s;
    }

    private synchronized Snapshot reload(Snapshot seen) {
        Snapshot s = snapshot;
        if (s != null && s != seen) {
            return s;
        }
        Instant now = Instant.now();
        // Only the columns seats need: the signed document is a LOB, which PostgreSQL will not read
        // outside a transaction, and the seat path runs without one.
        List<Object[]> hosted = em.createQuery(
                        "select h.number, h.terms, h.status, h.uncertainSince, h.returnRequest from HostedLicense h",
                        Object[].class)
                .getResultList();
        s = new Snapshot(
                hosted.stream()
                        .map(row -> termsOf(
                                (String) row[0],
                                (HostedTerms) row[1],
                                (HostedLicense.SyncStatus) row[2],
                                (Instant) row[3],
                                row[4] != null))
                        .collect(Collectors.toUnmodifiableMap(SeatTerms::license, Function.identity())),
                now);
        snapshot = s;
        return s;
    }

    private static SeatTerms termsOf(
            String number,
            HostedTerms t,
            HostedLicense.SyncStatus status,
            Instant uncertainSince,
            boolean returnPending) {
        List<String> features = t.features() == null || t.features().isBlank()
                ? List.of()
                : Arrays.asList(t.features().split(","));
        int hostsQuota = "hosts".equals(t.quotaMetric()) ? t.quota() : 0;
        return new SeatTerms(
                number,
                t.product(),
                features,
                t.seats(),
                hostsQuota,
                t.expires(),
                status == HostedLicense.SyncStatus.UNCERTAIN ? uncertainSince : null,
                t.quotaMetric(),
                t.quota(),
                returnPending);
    }
}
