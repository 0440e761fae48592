package org.licentia.audit.control;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Instant;
import org.licentia.audit.entity.AuditRecord;
import org.licentia.audit.entity.Channel;

/**
 * Writes licensing records in the caller's transaction, so a change and its record commit or roll
 * back together.
 */
@Dependent
public class AuditTrail {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Instance<RequestChannel> channel;

    @Inject
    Principal caller;

    public void record(String action, String itemType, String itemId, Object before, Object after) {
        recordAs(actor(), action, itemType, itemId, before, after);
    }

    /** For changes made on behalf of someone the container did not sign in, such as a publisher user on an on-prem instance. */
    public void recordAs(String actor, String action, String itemType, String itemId, Object before, Object after) {
        RequestChannel request = current();
        em.persist(new AuditRecord(
                Instant.now(),
                actor,
                request == null ? Channel.SYSTEM : request.get(),
                request == null ? null : request.clientClaim(),
                action,
                itemType,
                itemId,
                before == null ? null : JSON.toJson(before),
                after == null ? null : JSON.toJson(after)));
    }

    private String actor() {
        String name = caller == null ? null : caller.getName();
        return name == null || name.isBlank() ? "system" : name;
    }

    private RequestChannel current() {
        try {
            RequestChannel c = channel.get();
            c.get();
            return c;
        } catch (ContextNotActiveException startupOrTimer) {
            return null;
        }
    }
}
