package org.licentia.hardwarekey.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Role;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hardwarekey.control.HardwareKeyHolder;
import org.licentia.hardwarekey.entity.HardwareKey;
import org.licentia.licensefile.boundary.LicenseFiles;

/**
 * Publisher side of hardware-key licensing: preloading a key (its ID bound to the public key the
 * token made, and a license file bound to that key) and later license files for the same key (the
 * seed's "use that ID to apply for the license"). The licenses are registered to the key as they
 * would be to an instance, so they cannot be hosted anywhere else at the same time.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager"})
public class HardwareKeys {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseFiles licenseFiles;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    /** A key as the publisher knows it. */
    public record KeyView(
            String keyId, String publicKey, String fingerprint, Instant registeredAt, String registeredBy) {}

    /**
     * A license file for the key {@code keyId}, with {@code numbers} (or the unhosted licenses of
     * {@code account}) and every license its earlier files gave it. With {@code publicKey} (the
     * first preload), the key's ID is bound to it; given again, it must be the same key.
     */
    public LicenseFiles.IssuedFile licenseFile(String keyId, String publicKey, List<String> numbers, String account) {
        HardwareKeyHolder.requireKeyId(keyId);
        Instant now = Instant.now();
        HardwareKey key = em.find(HardwareKey.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        if (publicKey != null) {
            byte[] spki = HardwareKeyHolder.requirePublicKey(publicKey);
            String canonical = Base64.getEncoder().encodeToString(spki);
            if (key == null) {
                key = new HardwareKey(keyId, canonical, HardwareKeyHolder.fingerprint(spki), now, caller.email());
                em.persist(key);
                audit.record(
                        "hardware-key.register", "hardware-key", keyId, null, Map.of("fingerprint", key.fingerprint()));
            } else if (!key.publicKey().equals(canonical)) {
                throw new LicensingException(
                        ErrorCode.HARDWARE_KEY_MISMATCH,
                        "Hardware key " + keyId + " was preloaded with another key pair (" + key.fingerprint()
                                + "): a token that copies its serial and label is not that key. Nothing was changed.",
                        Map.of("keyId", keyId));
            }
        } else if (key == null) {
            throw notFound(keyId);
        }
        // the key's file carries every license on it: only someone who manages one of them may
        // have one made (a key's ID is no secret), or put more licenses on it
        if (!caller.isPublisherAdmin() && !managesALicenseOn(keyId)) {
            throw notFound(keyId);
        }
        LicenseFiles.IssuedFile file = licenseFiles.createForHardwareKey(
                HardwareKeyHolder.of(keyId), key.fingerprint(), numbers, account, now);
        return new LicenseFiles.IssuedFile(
                "licentia-usb-key-" + keyId.replace(':', '-') + "-" + file.serial() + ".zip",
                file.instanceId(),
                file.serial(),
                file.licenses(),
                file.zip());
    }

    private boolean managesALicenseOn(String keyId) {
        List<Account> owners = em.createQuery(
                        "select distinct l.owner from License l where l.registeredInstance = :holder", Account.class)
                .setParameter("holder", HardwareKeyHolder.of(keyId))
                .getResultList();
        // a key preloaded with nothing yet (its first file failed) is anyone's to preload
        return owners.isEmpty()
                || owners.stream()
                        .anyMatch(a -> caller.rolesFor(a).stream()
                                .anyMatch(r -> r == Role.LICENSE_MANAGER || r == Role.DEPUTY_LICENSE_MANAGER));
    }

    private static LicensingException notFound(String keyId) {
        return new LicensingException(
                ErrorCode.HARDWARE_KEY_NOT_FOUND,
                "No hardware key " + keyId + " was preloaded here with a license you manage: preload it first"
                        + " (licentia hardware-key provision)",
                Map.of("keyId", keyId));
    }

    /**
     * A lost or broken key: its licenses are freed, to be preloaded on another key. The key keeps
     * its ID binding (a token that copies the ID still gets nothing), and its next file starts from
     * nothing. What the old key carries stays signed: an instance it is plugged into installs it,
     * as any license file it holds, until the licenses' own expiry (revoke them to end that).
     */
    @RolesAllowed("publisher-admin")
    public List<String> retire(String keyId) {
        HardwareKeyHolder.requireKeyId(keyId);
        if (em.find(HardwareKey.class, keyId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw notFound(keyId);
        }
        String holder = HardwareKeyHolder.of(keyId);
        Instant now = Instant.now();
        List<String> freed = new java.util.ArrayList<>();
        for (org.licentia.catalog.entity.License l : em.createQuery(
                        "select l from License l where l.registeredInstance = :holder order by l.number",
                        org.licentia.catalog.entity.License.class)
                .setParameter("holder", holder)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()) {
            l.returnFrom(holder, now);
            freed.add(l.number());
        }
        audit.record("hardware-key.retire", "hardware-key", keyId, null, Map.of("freed", freed));
        return freed;
    }

    @RolesAllowed("publisher-admin")
    public List<KeyView> list() {
        return em.createQuery("select k from HardwareKey k order by k.keyId", HardwareKey.class)
                .setMaxResults(1000)
                .getResultStream()
                .map(k -> new KeyView(k.keyId(), k.publicKey(), k.fingerprint(), k.registeredAt(), k.registeredBy()))
                .toList();
    }
}
