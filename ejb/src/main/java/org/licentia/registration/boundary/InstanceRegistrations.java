package org.licentia.registration.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.LicenseNumbers;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.LicenseState;
import org.licentia.catalog.entity.Role;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.operations.LicenseCalendar;
import org.licentia.registration.control.InstanceBindings;
import org.licentia.registration.control.LicenseLocks;
import org.licentia.registration.control.RegistrationDocuments;
import org.licentia.registration.entity.RegisteredInstance;
import org.licentia.signing.boundary.SignedDocument;
import org.licentia.signing.boundary.SigningKeys;

/**
 * Publisher side of registration: which licenses each on-prem instance hosts. A registration is
 * declarative (the instance sends the whole set it should host), so retrying converges. A license
 * is hosted by at most one instance; adding one needs license-manager or deputy-license-manager on
 * its owner account; removing one needs that role on any account the instance serves (see
 * {@link #requireServedAccountToRemove}), not on the license's own.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class InstanceRegistrations {

    public static final int MAX_LICENSES = 20_000;
    private static final Pattern INSTANCE_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseCalendar calendar;

    @Inject
    Caller caller;

    @Inject
    SigningKeys signingKeys;

    @Inject
    AuditTrail audit;

    @Inject
    InstanceBindings bindings;

    /** A license as handed to an instance: the signed registration document. */
    public record Registered(String number, SignedDocument signed) {}

    /** The outcome of one license in a validation (sync) request. */
    public record Validation(String number, String status, Registered registered) {
        public static final String VALID = "VALID";
    }

    /** The licenses an implicit registration would take: the caller's accounts' active licenses that no instance hosts. */
    public List<LicenseView> candidates(String instanceId) {
        requireInstanceId(instanceId);
        List<Account> managed = managedAccounts();
        if (managed.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select l from License l where l.owner in :accounts and l.state = :active"
                                + " and l.registeredInstance is null order by l.number",
                        License.class)
                .setParameter("accounts", managed)
                .setParameter("active", LicenseState.ACTIVE)
                .getResultStream()
                .filter(l -> !l.isExpiredOn(calendar.today()))
                .map(LicenseView::of)
                .toList();
    }

    /**
     * Makes the instance host exactly {@code numbers} (or, when {@code implicit}, every candidate,
     * which is allowed only while it hosts nothing), all or nothing.
     */
    public List<Registered> register(
            String instanceId, String publicKeyBase64, List<String> numbers, boolean implicit) {
        requireInstanceId(instanceId);
        if (!caller.isPublisherAdmin() && managedAccounts().isEmpty()) {
            throw caller.forbidden(
                    "manage license registrations: that needs the license-manager or deputy-license-manager role");
        }
        bindInstance(instanceId, publicKeyBase64);
        Instant now = Instant.now();
        LocalDate today = calendar.today();
        List<License> current = registeredTo(instanceId, true);
        Set<String> desired = new TreeSet<>();
        if (implicit) {
            if (!current.isEmpty()) {
                throw new LicensingException(
                        ErrorCode.IMPLICIT_REGISTRATION_REFUSED,
                        "Server is already hosting registered licenses: " + numbersOf(current),
                        Map.of("current", String.join(",", numbersOf(current))));
            }
            candidates(instanceId).forEach(l -> desired.add(l.number()));
        } else {
            if (numbers == null || numbers.size() > MAX_LICENSES) {
                throw new LicensingException(
                        ErrorCode.INVALID_INPUT,
                        "Give up to " + MAX_LICENSES + " license numbers",
                        Map.of("licenses", "a list of up to " + MAX_LICENSES + " numbers"));
            }
            numbers.forEach(n -> desired.add(LicenseNumbers.requireValid(n)));
        }
        requireServedAccountToRemove(current, desired);
        for (License l : current) {
            if (!desired.contains(l.number())) {
                l.release(now);
                audit.record("registration.remove", "license", l.number(), instanceId, null);
            }
        }
        Set<String> held = new TreeSet<>(numbersOf(current));
        List<String> toAdd = desired.stream().filter(n -> !held.contains(n)).toList();
        List<License> added = LicenseLocks.lockAll(em, toAdd, true);
        Set<Long> allowedOwners = new java.util.HashSet<>();
        for (License l : added) {
            if (allowedOwners.add(l.owner().id())) {
                caller.requireVisible(
                        l.owner(),
                        () -> LicenseLocks.noSuchLicenses(Set.of(l.number())),
                        "register license " + l.number(),
                        Role.LICENSE_MANAGER,
                        Role.DEPUTY_LICENSE_MANAGER);
            }
            l.registerTo(instanceId, today, now);
            audit.record("registration.add", "license", l.number(), null, instanceId);
        }
        em.flush();
        return sign(registeredTo(instanceId, false), instanceId, now);
    }

    /**
     * Sync, batched: the instance reports every license it hosts, signed with its key. Each comes
     * back VALID (with a fresh document), REVOKED, EXPIRED, NOT_FOUND or REGISTERED_ELSEWHERE.
     * Licenses the publisher had on this instance but the instance no longer reports are released,
     * and reported ones this instance hosted last and nobody took since (a change whose answer was
     * lost) are claimed back, so both sides agree again after any failure. The same call restores
     * the publisher's side when a registration fails on the instance.
     */
    @PermitAll
    public List<Validation> validate(
            String instanceId, String time, String signature, byte[] body, List<String> numbers) {
        RegisteredInstance instance = bindings.requireSigned(instanceId, time, body, signature);
        Instant now = Instant.now();
        if (numbers.size() > MAX_LICENSES) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT, "At most " + MAX_LICENSES + " licenses per validation");
        }
        instance.seen(now);
        LocalDate today = calendar.today();
        Set<String> reported = new TreeSet<>();
        numbers.forEach(n -> reported.add(LicenseNumbers.requireValid(n)));
        for (License l : registeredTo(instanceId, true)) {
            if (!reported.contains(l.number())) {
                l.release(now);
            }
        }
        Map<String, License> found = new java.util.HashMap<>();
        LicenseLocks.lockAll(em, new ArrayList<>(reported), false).forEach(l -> found.put(l.number(), l));
        List<Validation> results = new ArrayList<>(reported.size());
        List<License> valid = new ArrayList<>();
        for (String number : reported) {
            License l = found.get(number);
            String status;
            if (l == null) {
                status = "NOT_FOUND";
            } else if (l.state() == LicenseState.REVOKED) {
                status = "REVOKED";
            } else if (l.isExpiredOn(today)) {
                status = "EXPIRED";
            } else if (l.isHostedByFile()
                    || (!instanceId.equals(l.registeredInstance()) && !l.isReclaimableBy(instanceId))) {
                status = "REGISTERED_ELSEWHERE";
            } else {
                l.registerTo(instanceId, today, now);
                valid.add(l);
                continue;
            }
            if (l != null && instanceId.equals(l.registeredInstance()) && !l.isHostedByFile()) {
                l.release(now);
            }
            results.add(new Validation(number, status, null));
        }
        sign(valid, instanceId, now).forEach(r -> results.add(new Validation(r.number(), Validation.VALID, r)));
        em.flush();
        return results;
    }

    private List<Registered> sign(List<License> licenses, String instanceId, Instant now) {
        String keyId = signingKeys.currentKeyId();
        List<SignedDocument> signed = signingKeys.signAll(licenses.stream()
                .map(l -> RegistrationDocuments.documentOf(l, instanceId, keyId, now))
                .toList());
        List<Registered> registered = new ArrayList<>(licenses.size());
        for (int i = 0; i < licenses.size(); i++) {
            registered.add(new Registered(licenses.get(i).number(), signed.get(i)));
        }
        return registered;
    }

    /** The licenses the instance hosts through online registration; those of its license files are not this API's to change. */
    private List<License> registeredTo(String instanceId, boolean lock) {
        return em.createQuery(
                        "select l from License l where l.registeredInstance = :id and l.hosting = 'ONLINE'"
                                + " order by l.number",
                        License.class)
                .setParameter("id", instanceId)
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList();
    }

    private void bindInstance(String instanceId, String publicKeyBase64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(publicKeyBase64 == null ? "" : publicKeyBase64);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "The instance's public key is 32 bytes, Base64",
                    Map.of("publicKey", "Base64 of a 32-byte Ed25519 public key"));
        }
        bindings.bind(instanceId, key, Instant.now());
    }

    /**
     * The seed lets a user remove licenses their account has no rights to, with a warning, because
     * an instance belongs to one customer organisation. It does not let a stranger empty it: taking
     * any license off an instance needs license-manager or deputy-license-manager on an account
     * that the instance serves already (one that owns a license it hosts), or publisher-admin.
     */
    private void requireServedAccountToRemove(List<License> current, Set<String> desired) {
        if (caller.isPublisherAdmin() || current.stream().allMatch(l -> desired.contains(l.number()))) {
            return;
        }
        Set<Long> managed = new java.util.HashSet<>();
        managedAccounts().forEach(a -> managed.add(a.id()));
        if (current.stream().noneMatch(l -> managed.contains(l.owner().id()))) {
            throw new LicensingException(
                    ErrorCode.FORBIDDEN,
                    caller.email() + " is not allowed to remove licenses from this"
                            + " instance: that needs the license-manager or deputy-license-manager role on an account whose"
                            + " licenses it hosts. Nothing was changed.");
        }
    }

    private List<Account> managedAccounts() {
        if (caller.isPublisherAdmin()) {
            return List.of();
        }
        return caller.accounts().stream()
                .filter(a -> {
                    Set<Role> roles = caller.rolesFor(a);
                    return roles.contains(Role.LICENSE_MANAGER) || roles.contains(Role.DEPUTY_LICENSE_MANAGER);
                })
                .toList();
    }

    private static void requireInstanceId(String instanceId) {
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT, "An instance ID is a lower-case UUID", Map.of("instanceId", "a UUID"));
        }
    }

    private static List<String> numbersOf(List<License> licenses) {
        return licenses.stream().map(License::number).toList();
    }
}
