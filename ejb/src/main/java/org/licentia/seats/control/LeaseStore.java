package org.licentia.seats.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.infinispan.Cache;
import org.licentia.seats.entity.SeatLease;
import org.licentia.seats.entity.SeatPool;

/**
 * The lease caches that wildfly-config/ defines: {@code seat-leases} holds each license's
 * {@link SeatPool} under the license number; {@code ended-leases} remembers for a day why a lease
 * ended, so that a client's next heartbeat can be told.
 *
 * <p>Every change to a pool is decided and written under the entry's lock (see {@link #update}):
 * the decision and the write are atomic, on one node or across a cluster.
 */
@ApplicationScoped
public class LeaseStore {

    @Resource(lookup = "java:jboss/infinispan/cache/licentia/seat-leases")
    Cache<String, SeatPool> pools;

    @Resource(lookup = "java:jboss/infinispan/cache/licentia/ended-leases")
    Cache<String, String> ended;

    /** Runs {@code decide} on the license's pool atomically and stores the pool it decided on. */
    public SeatPool.Decision decide(String license, Function<SeatPool, SeatPool.Decision> decide) {
        return update(
                        license,
                        current -> Optional.of(decide.apply(current == null ? SeatPool.empty(license) : current)))
                .orElseThrow();
    }

    /** Like {@link #decide}, for changes that only apply to an existing pool; leaves the cache alone otherwise. */
    public Optional<SeatPool.Decision> change(String license, Function<SeatPool, Optional<SeatPool.Decision>> change) {
        return update(license, current -> current == null ? Optional.empty() : change.apply(current));
    }

    /**
     * On a single server's local cache, one {@code compute}, which Infinispan runs under the entry's
     * lock. On a cluster's transactional cache, a compute would ship the decision function to the
     * other nodes, so instead the entry is locked cluster-wide (pessimistic transaction), read,
     * decided on here, and only the new pool is replicated at commit.
     */
    private Optional<SeatPool.Decision> update(String license, Function<SeatPool, Optional<SeatPool.Decision>> decide) {
        TransactionManager transactions = pools.getAdvancedCache().getTransactionManager();
        if (transactions == null) {
            SeatPool.Decision[] decision = new SeatPool.Decision[1];
            pools.compute(license, (number, current) -> {
                decision[0] = decide.apply(current).orElse(null);
                // toStore() is null when no lease is left: compute then removes the entry
                return decision[0] == null ? current : decision[0].toStore();
            });
            return Optional.ofNullable(decision[0]);
        }
        return inTransaction(transactions, () -> {
            pools.getAdvancedCache().lock(license);
            Optional<SeatPool.Decision> decision = decide.apply(pools.get(license));
            decision.map(SeatPool.Decision::toStore).ifPresentOrElse(pool -> pools.put(license, pool), () -> {
                if (decision.isPresent()) {
                    pools.remove(license);
                }
            });
            return decision;
        });
    }

    private static <T> T inTransaction(TransactionManager transactions, Supplier<T> work) {
        try {
            if (transactions.getTransaction() != null) {
                return work.get(); // the caller's transaction: the lock is held until it ends
            }
            transactions.begin();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                transactions.rollback();
                throw e;
            }
            transactions.commit();
            return result;
        } catch (SystemException
                | NotSupportedException
                | RollbackException
                | HeuristicMixedException
                | HeuristicRollbackException e) {
            throw new IllegalStateException("The seat lease cache could not complete a change", e);
        }
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
    public record Ending(String reason, String description) {}

    /** Remembers the leases found expired, so their clients hear {@code expired} at their next heartbeat. */
    public void rememberExpired(List<SeatLease> leases) {
        leases.forEach(l -> remember(l, "expired", "not renewed in time: expired at " + l.expiresAt()));
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
