package org.licentia.registration.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.entity.RegisteredInstance;

/**
 * Publisher side: binds an instance ID to the instance's public key the first time the instance
 * shows up (an online registration or a request code), and refuses another key for it afterwards,
 * so nobody else can speak for that instance.
 */
@Dependent
public class InstanceBindings {

    private static final java.util.regex.Pattern INSTANCE_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    /** The instance, bound to {@code publicKey} (new, or known with that key), locked for the caller's change. */
    public RegisteredInstance bind(String instanceId, byte[] publicKey, Instant now) {
        RegisteredInstance known = find(instanceId);
        if (known == null) {
            RegisteredInstance created = new RegisteredInstance(instanceId, publicKey, now);
            em.persist(created);
            em.flush();
            return created;
        }
        if (!known.hasKey(publicKey)) {
            throw new LicensingException(
                    ErrorCode.INSTANCE_KEY_MISMATCH, "Instance " + instanceId + " is registered with another key");
        }
        em.lock(known, LockModeType.PESSIMISTIC_WRITE);
        known.seen(now);
        return known;
    }

    /**
     * The instance that signed a request made without a user (a sync, a question about its own
     * return), with its bound key, its ID, the time and the body; anything else is refused.
     */
    public RegisteredInstance requireSigned(String instanceId, String time, byte[] body, String signature) {
        RegisteredInstance instance = findById(instanceId);
        if (instance == null
                || !InstanceRequests.verify(instance.publicKey(), instanceId, time, body, signature, Instant.now())) {
            throw new LicensingException(
                    ErrorCode.INSTANCE_SIGNATURE_INVALID,
                    "The request is not signed by a registered instance's key, or its time is off by more than "
                            + InstanceRequests.MAX_SKEW.toMinutes() + " minutes");
        }
        return instance;
    }

    /** The registered instance of an ID as a request gives it, unchecked; null for none or a malformed ID. */
    public RegisteredInstance findById(String instanceId) {
        return instanceId == null || !INSTANCE_ID.matcher(instanceId).matches() ? null : find(instanceId);
    }

    public RegisteredInstance find(String instanceId) {
        return em.createQuery("select i from RegisteredInstance i where i.instanceId = :id", RegisteredInstance.class)
                .setParameter("id", instanceId)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
