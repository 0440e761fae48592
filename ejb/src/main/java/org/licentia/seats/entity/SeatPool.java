package org.licentia.seats.entity;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * The leases of one license: the value of the license's entry in the lease cache. Immutable, so
 * that a cache update replaces it whole and concurrent readers never see half a change; every
 * decision ({@link #reserve}) is made on one value inside one atomic update, which is what keeps
 * the leases within the seat amount. The maps are persistent (structure-sharing), so a change
 * costs O(log n) in the license's leases, not a copy of them.
 */
public final class SeatPool implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String license;
    /** Leases by client identity: one client, one seat. */
    /** By holder: client token and client ID, so two tokens' clients of the same name never share a lease. */
    private final PMap<String, SeatLease> byClient;

    private final PMap<String, String> clientByLease;
    /** How many leases each host holds, for a {@code hosts} quota. */
    private final PMap<String, Integer> leasesByHost;

    private SeatPool(
            String license,
            PMap<String, SeatLease> byClient,
            PMap<String, String> clientByLease,
            PMap<String, Integer> leasesByHost) {
        this.license = license;
        this.byClient = byClient;
        this.clientByLease = clientByLease;
        this.leasesByHost = leasesByHost;
    }

    public static SeatPool empty(String license) {
        return new SeatPool(license, HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty());
    }

    public String license() {
        return license;
    }

    public Collection<SeatLease> leases() {
        return byClient.values();
    }

    public int size() {
        return byClient.size();
    }

    public boolean isEmpty() {
        return byClient.isEmpty();
    }

    public Optional<SeatLease> lease(String leaseId) {
        String client = clientByLease.get(leaseId);
        return client == null ? Optional.empty() : Optional.of(byClient.get(client));
    }

    public Optional<Instant> nextExpiry() {
        return byClient.values().stream().map(SeatLease::expiresAt).min(Instant::compareTo);
    }

    /** The pool without the leases that were not renewed in time, and those leases. Costs a pass over all leases. */
    public Swept sweep(Instant now) {
        List<SeatLease> expired = new ArrayList<>();
        SeatPool pool = this;
        for (SeatLease l : byClient.values()) {
            if (!l.isLiveAt(now)) {
                expired.add(l);
                pool = pool.without(l);
            }
        }
        return new Swept(pool, List.copyOf(expired));
    }

    public record Swept(SeatPool pool, List<SeatLease> expired) {}

    /** The sweep as a change to store; empty when no lease has expired. */
    public Optional<Decision> expire(Instant now) {
        Swept swept = sweep(now);
        return swept.expired().isEmpty()
                ? Optional.empty()
                : Optional.of(new Decision(swept.pool(), null, false, null, swept.expired()));
    }

    /**
     * Decides a reservation (or, with {@code borrowUntil}, a borrowing) for {@code who}. A client
     * that already holds a lease gets it back renewed, never a second seat. When the seats (or the
     * hosts quota) look used up, expired leases are swept first, so their seats count as free.
     */
    public Decision reserve(
            SeatTerms terms,
            ClientIdentity who,
            Instant now,
            LocalDate today,
            Duration ttl,
            Instant borrowUntil,
            Supplier<String> newLeaseId) {
        if (terms.isExpiredOn(today)) {
            return Decision.denied(Denial.EXPIRED, this, List.of());
        }
        SeatLease held = byClient.get(SeatLease.holderKey(who.tokenName(), who.client()));
        if (held != null) {
            SeatLease renewed = borrowUntil != null
                    ? held.borrowedUntil(borrowUntil)
                    : held.borrowed() ? held : held.renewedUntil(now.plus(ttl));
            return Decision.granted(without(held).with(renewed), renewed, false, List.of());
        }
        SeatPool pool = this;
        List<SeatLease> expired = List.of();
        if (!pool.hasRoomFor(terms, who.host())) {
            Swept swept = sweep(now);
            pool = swept.pool();
            expired = swept.expired();
            if (terms.hostsQuota() > 0
                    && !pool.leasesByHost.containsKey(who.host())
                    && pool.leasesByHost.size() >= terms.hostsQuota()) {
                return Decision.denied(Denial.QUOTA_EXCEEDED, pool, expired);
            }
            if (pool.size() >= terms.seats()) {
                return Decision.denied(Denial.NO_SEAT, pool, expired);
            }
        }
        SeatLease lease = new SeatLease(
                newLeaseId.get(),
                license,
                who.client(),
                who.host(),
                who.user(),
                who.tokenName(),
                now,
                borrowUntil != null ? borrowUntil : now.plus(ttl),
                borrowUntil != null);
        return Decision.granted(pool.with(lease), lease, true, expired);
    }

    private boolean hasRoomFor(SeatTerms terms, String host) {
        boolean hostFits =
                terms.hostsQuota() <= 0 || leasesByHost.containsKey(host) || leasesByHost.size() < terms.hostsQuota();
        return hostFits && size() < terms.seats();
    }

    /**
     * Renews a live lease; a borrowed lease keeps its borrow expiry. A lease found expired is
     * removed instead (denial {@link Denial#LEASE_EXPIRED}): its seat may already be needed. Empty
     * when this pool has no such lease.
     */
    public Optional<Decision> heartbeat(String leaseId, String tokenName, Instant now, Duration ttl) {
        return leaseOf(leaseId, tokenName).map(held -> {
            if (!held.isLiveAt(now)) {
                return Decision.denied(Denial.LEASE_EXPIRED, without(held), List.of(held));
            }
            SeatLease renewed = held.borrowed() ? held : held.renewedUntil(now.plus(ttl));
            return Decision.granted(without(held).with(renewed), renewed, false, List.of());
        });
    }

    /** Ends a lease (release or revocation). Empty when this pool has no such lease. */
    public Optional<Decision> end(String leaseId) {
        return lease(leaseId).map(held -> Decision.granted(without(held), held, false, List.of()));
    }

    /** Ends a lease for its own client token; another token's lease is as unknown to it as none. */
    public Optional<Decision> end(String leaseId, String tokenName) {
        return leaseOf(leaseId, tokenName).map(held -> Decision.granted(without(held), held, false, List.of()));
    }

    private Optional<SeatLease> leaseOf(String leaseId, String tokenName) {
        return lease(leaseId).filter(l -> java.util.Objects.equals(l.tokenName(), tokenName));
    }

    private SeatPool with(SeatLease lease) {
        return new SeatPool(
                license,
                byClient.plus(lease.holderKey(), lease),
                clientByLease.plus(lease.id(), lease.holderKey()),
                leasesByHost.plus(lease.host(), leasesByHost.getOrDefault(lease.host(), 0) + 1));
    }

    private SeatPool without(SeatLease lease) {
        int onHost = leasesByHost.getOrDefault(lease.host(), 0);
        return new SeatPool(
                license,
                byClient.minus(lease.holderKey()),
                clientByLease.minus(lease.id()),
                onHost <= 1 ? leasesByHost.minus(lease.host()) : leasesByHost.plus(lease.host(), onHost - 1));
    }

    public enum Denial {
        NO_SEAT,
        EXPIRED,
        QUOTA_EXCEEDED,
        /** At a heartbeat: the lease had expired and is gone. */
        LEASE_EXPIRED
    }

    /**
     * The outcome of one decision: the pool to store, the lease granted or ended, or why not; and
     * the leases found expired on the way.
     */
    public record Decision(SeatPool pool, SeatLease lease, boolean created, Denial denial, List<SeatLease> expired) {

        static Decision granted(SeatPool pool, SeatLease lease, boolean created, List<SeatLease> expired) {
            return new Decision(pool, lease, created, null, expired);
        }

        static Decision denied(Denial denial, SeatPool pool, List<SeatLease> expired) {
            return new Decision(pool, null, false, denial, expired);
        }

        public int seatsInUse() {
            return pool.size();
        }

        public int hostsInUse() {
            return pool.leasesByHost.size();
        }

        /** What to write back: nothing when no lease is left, so empty pools do not pile up in the cache. */
        public SeatPool toStore() {
            return pool.isEmpty() ? null : pool;
        }
    }
}
