package org.licentia.seats.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.licentia.registration.entity.LocalInstance;
import org.licentia.seats.entity.SeatUsage;

/** Adds counted seat events to the hourly usage rows, in a transaction of their own. */
@Stateless
@PermitAll
public class UsageRecords {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void add(Map<UsageCounters.Key, long[]> deltas) {
        // Nodes flush one at a time, so two never create the same (license, hour) row at once.
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        deltas.forEach((key, delta) -> {
            SeatUsage row = em.createQuery(
                            "select u from SeatUsage u where u.license = :license and u.hour = :hour", SeatUsage.class)
                    .setParameter("license", key.license())
                    .setParameter("hour", key.hour())
                    .getResultStream()
                    .findFirst()
                    .orElseGet(() -> {
                        SeatUsage created = new SeatUsage(key.license(), key.hour());
                        em.persist(created);
                        return created;
                    });
            row.add(delta);
        });
    }
}
