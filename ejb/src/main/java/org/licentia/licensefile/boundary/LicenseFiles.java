package org.licentia.licensefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.Catalog;
import org.licentia.catalog.control.LicenseNumbers;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.LicenseState;
import org.licentia.catalog.entity.Role;
import org.licentia.client.activation.MalformedCodeException;
import org.licentia.client.licensefile.RequestCode;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.licensefile.control.LicenseFileManifest;
import org.licentia.licensefile.control.LicenseFilePackage;
import org.licentia.licensefile.entity.IssuedLicenseFile;
import org.licentia.operations.LicenseCalendar;
import org.licentia.registration.control.InstanceBindings;
import org.licentia.registration.control.LicenseLocks;
import org.licentia.registration.control.RegistrationDocuments;
import org.licentia.registration.entity.RegisteredInstance;
import org.licentia.signing.boundary.KeyRollover;
import org.licentia.signing.boundary.SignedDocument;
import org.licentia.signing.boundary.SigningKeys;

/**
 * Publisher side of request-key licensing: from an instance's request code, a license file for
 * that instance. A license in a file is registered to the instance, exactly as an online
 * registration would register it, and stays so until the instance returns it; each new file for an
 * instance carries every license its earlier files gave it, plus the ones asked for now.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class LicenseFiles {

    /** A request code older than this is refused: it may describe an instance that has changed since. */
    static final Duration MAX_REQUEST_AGE = Duration.ofDays(30);

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseCalendar calendar;

    @Inject
    Caller caller;

    @Inject
    Catalog catalog;

    @Inject
    SigningKeys signingKeys;

    @Inject
    InstanceBindings bindings;

    @Inject
    AuditTrail audit;

    @Inject
    Config config;

    /** A license file as made: its suggested file name, what it is for, and its bytes (a zip). */
    public record IssuedFile(String fileName, String instanceId, long serial, List<String> licenses, byte[] zip) {}

    /**
     * A license file for the instance that made {@code requestCode}, with {@code numbers} (or,
     * when null, every active license of {@code account} that no instance hosts) and every license
     * the instance's earlier files gave it.
     */
    public IssuedFile create(String requestCode, List<String> numbers, String account) {
        RequestCode code = verifiedRequestCode(requestCode);
        String instanceId = code.instanceId().toString();
        Instant now = Instant.now();
        // the instance first, then its licenses: the order online registration locks them in
        RegisteredInstance instance = bindings.bind(instanceId, code.publicKey(), now);
        List<License> wanted = numbers != null ? requested(numbers) : unhostedOf(account);
        long lastIssued = IssuedLicenseFile.lastSerial(em, instanceId);
        if (code.lastSerial() > lastIssued) {
            throw new LicensingException(
                    ErrorCode.REQUEST_CODE_INVALID,
                    "The request code says license file " + code.lastSerial() + " was applied, but this publisher"
                            + " issued " + (lastIssued == 0 ? "none" : "up to " + lastIssued) + " for instance "
                            + instance.instanceId() + ": it is not from an instance this publisher knows");
        }
        return issue(instanceId, code.keyFingerprint(), wanted, now);
    }

    /**
     * A license file bound to a hardware key rather than an instance ({@code holder} is the key's
     * binding, {@code keyFingerprint} its public key's): whichever instance the key is plugged
     * into applies it, once the key proves it holds its private key.
     */
    public IssuedFile createForHardwareKey(
            String holder, String keyFingerprint, List<String> numbers, String account, Instant now) {
        List<License> wanted = numbers != null ? requested(numbers) : unhostedOf(account);
        return issue(holder, keyFingerprint, wanted, now);
    }

    private IssuedFile issue(String instanceId, String keyFingerprint, List<License> wanted, Instant now) {
        LocalDate today = calendar.today();
        long lastIssued = IssuedLicenseFile.lastSerial(em, instanceId);
        Map<String, License> inFile = new LinkedHashMap<>();
        for (License l : heldByFile(instanceId)) {
            if (l.state() == LicenseState.REVOKED || l.isExpiredOn(today)) {
                l.release(now);
            } else {
                inFile.put(l.number(), l);
            }
        }
        Set<Long> allowedOwners = new HashSet<>();
        for (License l : wanted) {
            if (allowedOwners.add(l.owner().id())) {
                caller.requireVisible(
                        l.owner(),
                        () -> LicenseLocks.noSuchLicenses(Set.of(l.number())),
                        "put license " + l.number() + " in a license file",
                        Role.LICENSE_MANAGER,
                        Role.DEPUTY_LICENSE_MANAGER);
            }
            l.hostByFile(instanceId, today, now);
            inFile.put(l.number(), l);
        }
        if (inFile.isEmpty()) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "There is no license to put in a license file for instance " + instanceId,
                    Map.of("licenses", "at least one license that no other instance hosts"));
        }
        List<License> licenses = inFile.values().stream()
                .sorted(java.util.Comparator.comparing(License::number))
                .toList();
        long serial = lastIssued + 1;
        String keyId = signingKeys.currentKeyId();
        byte[] zip = pack(licenses, instanceId, keyFingerprint, serial, keyId, now);
        em.persist(new IssuedLicenseFile(
                instanceId, serial, now, caller.email(), keyId, licenses.size(), LicenseFileManifest.sha256(zip)));
        List<String> numbersInFile = licenses.stream().map(License::number).toList();
        audit.record(
                "license-file.issue",
                "instance",
                instanceId,
                null,
                Map.of("serial", serial, "licenses", numbersInFile.size()));
        em.flush();
        return new IssuedFile(
                "licentia-" + instanceId.substring(0, 8) + "-" + serial + ".zip",
                instanceId,
                serial,
                numbersInFile,
                zip);
    }

    private byte[] pack(
            List<License> licenses, String instanceId, String keyFingerprint, long serial, String keyId, Instant now) {
        List<SignedDocument> signed = signingKeys.signAll(licenses.stream()
                .map(l -> RegistrationDocuments.documentOf(l, instanceId, keyId, now))
                .toList());
        Map<String, byte[]> documents = new LinkedHashMap<>();
        List<LicenseFileManifest.Entry> entries = new ArrayList<>(licenses.size());
        for (int i = 0; i < licenses.size(); i++) {
            SignedDocument d = signed.get(i);
            documents.put(licenses.get(i).number(), d.canonical());
            entries.add(new LicenseFileManifest.Entry(
                    licenses.get(i).number(),
                    LicenseFileManifest.sha256(d.canonical()),
                    Base64.getEncoder().encodeToString(d.signature())));
        }
        LicenseFileManifest manifest =
                new LicenseFileManifest(instanceId, keyFingerprint, serial, now, now.plus(validFor()), keyId, entries);
        SignedDocument signedManifest = signingKeys.sign(manifest.document());
        return LicenseFilePackage.write(
                signedManifest.canonical(),
                LicenseFileManifest.signatureFile(
                        signedManifest.keyId(), Base64.getEncoder().encodeToString(signedManifest.signature())),
                signingKeys.cmsSignature(signedManifest.canonical(), now),
                documents,
                rollovers(),
                now);
    }

    /** The publisher's key rotations as the file carries them, or null before the first rotation. */
    private byte[] rollovers() {
        List<KeyRollover> rollovers = signingKeys.rollovers();
        if (rollovers.isEmpty()) {
            return null;
        }
        jakarta.json.JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
        rollovers.forEach(r -> list.add(jakarta.json.Json.createObjectBuilder()
                .add("keyId", r.keyId())
                .add("previousKeyId", r.previousKeyId())
                .add("document", r.document())
                .add("signature", r.signature())));
        return list.build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How long a new license file may wait before it is applied (its licenses keep their own dates once it is). */
    private Duration validFor() {
        return config.getOptionalValue("licentia.license-files.valid-for", String.class)
                .map(Duration::parse)
                .filter(d -> !d.isNegative() && !d.isZero())
                .orElse(Duration.ofDays(30));
    }

    private RequestCode verifiedRequestCode(String text) {
        RequestCode code;
        try {
            code = RequestCode.parse(text);
        } catch (MalformedCodeException e) {
            throw new LicensingException(
                    ErrorCode.REQUEST_CODE_INVALID,
                    "The request code is mistyped or incomplete: " + e.getMessage(),
                    Map.of("requestCode", e.problem().name()));
        }
        if (!code.isSignedByItsInstance()) {
            throw new LicensingException(
                    ErrorCode.REQUEST_CODE_INVALID,
                    "The request code is not signed by its instance: it was changed or forged",
                    Map.of("requestCode", "SIGNATURE"));
        }
        Instant now = Instant.now();
        if (code.madeAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new LicensingException(
                    ErrorCode.REQUEST_CODE_INVALID,
                    "The request code was made at " + code.madeAt() + ", in the future: check the instance's clock",
                    Map.of("requestCode", "TIME"));
        }
        if (code.madeAt().isBefore(now.minus(MAX_REQUEST_AGE))) {
            throw new LicensingException(
                    ErrorCode.REQUEST_CODE_INVALID,
                    "The request code was made at " + code.madeAt() + ", more than " + MAX_REQUEST_AGE.toDays()
                            + " days ago: download a new one from the instance",
                    Map.of("requestCode", "TIME"));
        }
        return code;
    }

    private List<License> requested(List<String> numbers) {
        if (numbers.isEmpty() || numbers.size() > LicenseFilePackage.MAX_LICENSES) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Give 1 to " + LicenseFilePackage.MAX_LICENSES + " license numbers",
                    Map.of("licenses", "a list of 1 to " + LicenseFilePackage.MAX_LICENSES + " numbers"));
        }
        Set<String> valid = new TreeSet<>();
        numbers.forEach(n -> valid.add(LicenseNumbers.requireValid(n)));
        return LicenseLocks.lockAll(em, new ArrayList<>(valid), true);
    }

    private List<License> unhostedOf(String accountName) {
        if (accountName == null || accountName.isBlank()) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Give license numbers, or an account whose unhosted licenses go in the file",
                    Map.of("licenses", "license numbers", "account", "an account name"));
        }
        Account account = catalog.account(accountName);
        caller.requireVisible(
                account,
                () -> Catalog.accountNotFound(accountName),
                "put the licenses of " + accountName + " in a license file",
                Role.LICENSE_MANAGER,
                Role.DEPUTY_LICENSE_MANAGER);
        LocalDate today = calendar.today();
        List<String> numbers = em.createQuery(
                        "select l.number from License l where l.owner = :account and l.state = :active"
                                + " and l.registeredInstance is null order by l.number",
                        String.class)
                .setParameter("account", account)
                .setParameter("active", LicenseState.ACTIVE)
                .getResultList();
        return LicenseLocks.lockAll(em, numbers, false).stream()
                .filter(l -> l.registeredInstance() == null && !l.isExpiredOn(today))
                .toList();
    }

    private List<License> heldByFile(String instanceId) {
        return em.createQuery(
                        "select l from License l where l.registeredInstance = :id and l.hosting = 'LICENSE_FILE'"
                                + " order by l.number",
                        License.class)
                .setParameter("id", instanceId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
