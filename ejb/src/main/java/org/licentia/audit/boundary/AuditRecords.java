package org.licentia.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.licentia.audit.entity.AuditRecord;
import org.licentia.catalog.control.Caller;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/** The licensing records history, newest first; publisher admins read it. */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class AuditRecords {

    public static final int MAX_SIZE = 500;

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Caller caller;

    /** {@code client}: what the client said it is (its User-Agent), recorded as its claim. */
    public record Entry(
            long id,
            Instant recordedAt,
            String actor,
            String channel,
            String client,
            String action,
            String itemType,
            String itemId,
            String before,
            String after) {

        static Entry of(AuditRecord r) {
            return new Entry(
                    r.id(),
                    r.recordedAt(),
                    r.actor(),
                    r.channel().name(),
                    r.clientClaim(),
                    r.action(),
                    r.itemType(),
                    r.itemId(),
                    r.before(),
                    r.after());
        }
    }

    public List<Entry> find(String itemType, String itemId, int page, int size) {
        caller.requirePublisherAdmin("read the licensing records");
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "page is 0 or more and size 1 to " + MAX_SIZE,
                    Map.of("size", "1 to " + MAX_SIZE));
        }
        StringBuilder jpql = new StringBuilder("select r from AuditRecord r where 1 = 1");
        if (itemType != null && !itemType.isBlank()) {
            jpql.append(" and r.itemType = :type");
        }
        if (itemId != null && !itemId.isBlank()) {
            jpql.append(" and r.itemId = :id");
        }
        // Newest first by time: ids are not in time order across a cluster, whose nodes each take their own block of
        // them.
        var query = em.createQuery(jpql + " order by r.recordedAt desc, r.id desc", AuditRecord.class);
        if (itemType != null && !itemType.isBlank()) {
            query.setParameter("type", itemType);
        }
        if (itemId != null && !itemId.isBlank()) {
            query.setParameter("id", itemId);
        }
        return query.setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(Entry::of)
                .toList();
    }
}
