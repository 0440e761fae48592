package org.licentia.seats.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.infinispan.Cache;
import org.licentia.seats.entity.SeatLease;
import org.licentia.seats.entity.SeatPool;

/**
 * The lease caches that wildfly-config/ defines: {@code seat-leases} holds each license's
 * {@link SeatPool} under the license number; {@code ended-leases} remembers for a day why a lease
 * ended, so that a client's next heartbeat can be told.
 *
 * <p>Every change to a pool is one {@code compute} on its entry, which Infinispan runs under the
 * entry's lock (on the key's primary owner in a cluster): the decision and the write are atomic.
 */
@ApplicationScoped
public class LeaseStore {

    @Resource(lookup = "java:jboss/infinispan/cache/licentia/seat-leases")
    Cache<String, SeatPool> pools;

    @Resource(lookup = "java:jboss/infinispan/cache/licentia/ended-leases")
    Cache<String, String> ended;

    /** Runs {@code decide} on the license's pool atomically and stores the pool it decided on. */
    public SeatPool.Decision decide(String license, Function<SeatPool, SeatPool.Decision> decide) {
        SeatPool.Decision[] decision = new SeatPool.Decision[1];
        pools.compute(license, (number, current) -> {
            decision[0] = decide.apply(current == null ? SeatPool.empty(number) : current);
            return decision[0].toStore();
        });
        return decision[0];
    }

    /** Like {@link #decide}, for changes that only apply to an existing pool; leaves the cache alone otherwise. */
    public Optional<SeatPool.Decision> change(String license, Function<SeatPool, Optional<SeatPool.Decision>> change) {
        SeatPool.Decision[] decision = new SeatPool.Decision[1];
        pools.computeIfPresent(license, (number, current) -> {
            decision[0] = change.apply(current).orElse(null);
            // toStore() is null when no lease is left: compute then removes the entry
            return decision[0] == null ? current : decision[0].toStore();
        });
        return Optional.ofNullable(decision[0]);
    }

    public Optional<SeatPool> pool(String license) {
        return Optional.ofNullable(pools.get(license));
    }

    public List<String> licenses() {
        return new ArrayList<>(pools.keySet());
    }

    /** Removes a license's pool and returns its leases. */
    public List<SeatLease> removeAll(String license) {
        SeatPool removed = pools.remove(license);
        return removed == null ? List.of() : List.copyOf(removed.leases());
    }

    /**
     * Why a lease ended: {@code reason} is a stable code for programs (released, expired, revoked,
     * deregistered, removed-by-sync, no-longer-hosted), {@code description} says it for people.
     */
    public record Ending(String reason, String description) {
    }

    public void remember(SeatLease lease, String reason, String description) {
        ended.put(lease.id(), reason + "\t" + description);
    }

    public Optional<Ending> whyEnded(String leaseId) {
        String stored = ended.get(leaseId);
        if (stored == null) {
            return Optional.empty();
        }
        int tab = stored.indexOf('\t');
        return Optional.of(new Ending(stored.substring(0, tab), stored.substring(tab + 1)));
    }
}
