package org.licentia.licensefile.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.client.licensefile.RequestCode;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hardwarekey.boundary.HardwareKeyLicensing;
import org.licentia.hardwarekey.control.HardwareKeyHolder;
import org.licentia.hosts.control.HostUsage;
import org.licentia.licensefile.control.LicenseFileManifest;
import org.licentia.licensefile.control.LicenseFilePackage;
import org.licentia.licensefile.entity.AppliedLicenseFile;
import org.licentia.operations.LicenseCalendar;
import org.licentia.records.control.RecordBook;
import org.licentia.records.control.RecordBook.Change;
import org.licentia.records.control.RecordBook.Method;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.registration.control.PublisherTrust;
import org.licentia.registration.control.RegistrationCheck;
import org.licentia.registration.control.UpstreamPublisher;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedLicensesChanged;
import org.licentia.registration.entity.HostedTerms;
import org.licentia.registration.entity.LocalInstance;
import org.licentia.signing.boundary.KeyRollover;
import org.licentia.signing.control.Ed25519KeyPair;

/**
 * On-prem side of request-key licensing, for the instance's administrator: this instance's request
 * code, and the upload of a license file to any node ("Update License" in the seed). An upload is
 * checked whole before anything changes (signature by a pinned publisher key, this instance, the
 * serial, the dates, every document), then replaces the licenses of the previous file in one
 * transaction; licenses registered online are not touched.
 */
@Stateless
@RolesAllowed("publisher-admin")
public class LicenseFileUploads {

    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    InstanceIdentity identity;

    @Inject
    PublisherTrust trust;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Event<HostedLicensesChanged> changed;

    @Inject
    RecordBook records;

    @Inject
    LicenseCalendar calendar;

    @Inject
    HostUsage hostUsage;

    @Inject
    org.licentia.returns.control.ReturnLedger returns;

    @Inject
    jakarta.enterprise.inject.Instance<HardwareKeyLicensing> hardwareKeys;

    /** The request code in both forms, with what it says. */
    public record RequestCodeView(
            String code, String file, String instanceId, String keyFingerprint, long lastSerial, Instant madeAt) {}

    /**
     * What an upload did, by license number; {@code alreadyApplied} when it was the file in effect
     * already, and nothing changed. The licenses themselves are in the hosted-license list.
     */
    public record UploadResult(
            long serial,
            boolean alreadyApplied,
            Instant issuedAt,
            List<String> added,
            List<String> updated,
            List<String> removed) {}

    public record AppliedFileView(
            long serial, String sha256, Instant issuedAt, Instant appliedAt, String appliedBy, int licenses) {}

    public RequestCodeView requestCode() {
        HostUsage.Usage usage = hostUsage.total();
        RequestCode code = RequestCode.signed(
                UUID.fromString(identity.instanceId()),
                identity.publicKey(),
                AppliedLicenseFile.lastSerial(em),
                usage.hosts(),
                usage.cpuSockets(),
                Instant.now(),
                identity::sign);
        return new RequestCodeView(
                code.text(),
                code.fileText(),
                code.instanceId().toString(),
                code.keyFingerprint(),
                code.lastSerial(),
                code.madeAt());
    }

    public UploadResult upload(byte[] zip) {
        String actor = caller.email();
        LicenseFilePackage.Contents contents = LicenseFilePackage.read(zip);
        // serialises with registrations, syncs and other uploads on every node, before any key is pinned
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        returns.requireNonePending("apply a license file");
        Map<String, String> keys = trust.keys();
        if (keys.isEmpty()) {
            throw new LicensingException(
                    ErrorCode.PUBLISHER_KEY_NOT_PINNED,
                    "This instance trusts no publisher key yet: set licentia.upstream.public-keys (or"
                            + " licentia.upstream.public-keys-file), or register online once. Nothing was changed.");
        }
        if (contents.rollovers() != null) {
            keys.putAll(trust.pinEndorsed(keys, rolloversIn(contents.rollovers())));
        }
        LicenseFileManifest manifest = LicenseFileManifest.verified(contents, keys);
        if (HardwareKeyHolder.isHolder(manifest.instanceId())) {
            return hardwareKeys.get().applyUpdate(contents, manifest, keys, zip, actor);
        }
        String instanceId = identity.instanceId();
        String ourKey = Ed25519KeyPair.keyIdOf(identity.publicKey());
        if (!instanceId.equals(manifest.instanceId()) || !ourKey.equals(manifest.instanceKey())) {
            throw new LicensingException(
                    ErrorCode.LICENSE_FILE_WRONG_INSTANCE,
                    "The license file is for instance " + manifest.instanceId() + " (key " + manifest.instanceKey()
                            + "), not this one (" + instanceId + "). Nothing was changed.");
        }
        long voided = returns.voidedFileSerial();
        if (manifest.serial() <= voided) {
            throw new LicensingException(
                    ErrorCode.LICENSE_FILE_SUPERSEDED,
                    "The license file has serial " + manifest.serial() + ", but the licenses of every license file"
                            + " up to " + voided + " were returned to the publisher: ask it for a new file."
                            + " Nothing was changed.",
                    Map.of("serial", Long.toString(manifest.serial()), "returnedUpTo", Long.toString(voided)));
        }
        String sha256 = LicenseFileManifest.sha256(zip);
        AppliedLicenseFile last = lastApplied().orElse(null);
        if (last != null && manifest.serial() == last.serial() && sha256.equals(last.sha256())) {
            return new UploadResult(manifest.serial(), true, manifest.issuedAt(), List.of(), List.of(), List.of());
        }
        if (last != null && manifest.serial() <= last.serial()) {
            throw new LicensingException(
                    ErrorCode.LICENSE_FILE_SUPERSEDED,
                    "The license file has serial " + manifest.serial() + ", but license file " + last.serial()
                            + " is applied already: an older file never replaces a newer one. Nothing was changed.",
                    Map.of("serial", Long.toString(manifest.serial()), "applied", Long.toString(last.serial())));
        }
        Instant now = Instant.now();
        if (now.isAfter(manifest.applyBefore())) {
            throw new LicensingException(
                    ErrorCode.LICENSE_FILE_EXPIRED,
                    "The license file had to be applied before " + manifest.applyBefore()
                            + ": ask the publisher for a new one. Nothing was changed.");
        }
        if (manifest.issuedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new LicensingException(
                    ErrorCode.LICENSE_FILE_INVALID,
                    "The license file was issued at " + manifest.issuedAt()
                            + ", later than this instance's clock says it is: check the clock. Nothing was changed.");
        }
        Map<String, HostedTerms> terms = checkedDocuments(contents, manifest, keys, instanceId, calendar.today());
        UploadResult result = install(contents, manifest, terms, HostedLicense.LICENSE_FILE, actor, now);
        em.persist(new AppliedLicenseFile(
                manifest.serial(),
                sha256,
                manifest.issuedAt(),
                now,
                actor,
                manifest.keyId(),
                manifest.licenses().size()));
        em.flush();
        return result;
    }

    /**
     * Replaces the licenses of {@code source} ({@link HostedLicense#LICENSE_FILE}, or
     * {@link HostedLicense#HARDWARE_KEY} for a key's license) with the checked licenses of a file,
     * in the caller's transaction; a license hosted here another way is refused, and nothing changes.
     */
    public UploadResult install(
            LicenseFilePackage.Contents contents,
            LicenseFileManifest manifest,
            Map<String, HostedTerms> terms,
            String source,
            String actor,
            Instant now) {
        Method method = HostedLicense.HARDWARE_KEY.equals(source) ? Method.HARDWARE_KEY : Method.LICENSE_FILE;
        Map<String, HostedLicense> current = new LinkedHashMap<>();
        for (HostedLicense h : em.createQuery("select h from HostedLicense h order by h.number", HostedLicense.class)
                .getResultList()) {
            if (!source.equals(h.source()) && terms.containsKey(h.number())) {
                throw new LicensingException(
                        ErrorCode.LICENSE_REGISTERED_ELSEWHERE,
                        "License " + h.number() + " is hosted on this instance already ("
                                + h.source().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                + "); remove it there first. Nothing was changed.",
                        Map.of("number", h.number()));
            }
            if (source.equals(h.source())) {
                current.put(h.number(), h);
            }
        }
        Change change = current.isEmpty() ? Change.INSTALL : Change.UPDATE;
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, String> ended = new LinkedHashMap<>();
        for (HostedLicense h : current.values()) {
            if (!terms.containsKey(h.number())) {
                removed.add(h.number());
                ended.put(h.number(), "license " + h.number() + " was left out of license file " + manifest.serial());
                records.record(Change.REMOVE, method, h, "REMOVED", actor, now);
                em.remove(h);
            }
        }
        for (LicenseFileManifest.Entry e : manifest.licenses()) {
            HostedTerms t = terms.get(e.number());
            byte[] document = contents.documents().get(e.number());
            HostedLicense h = current.get(e.number());
            if (h == null) {
                h = HostedLicense.fromFile(
                        e.number(), t, document, manifest.keyId(), e.signature(), manifest.serial(), actor, now);
                h.comesFrom(source);
                em.persist(h);
                added.add(e.number());
            } else {
                h.confirmFromFile(t, document, manifest.keyId(), e.signature(), manifest.serial(), now);
                updated.add(e.number());
            }
            records.record(change, method, h, actor, now);
        }
        audit.recordAs(
                actor,
                method == Method.HARDWARE_KEY ? "hardware-key.apply" : "license-file.apply",
                method == Method.HARDWARE_KEY ? "hardware-key" : "license-file",
                Long.toString(manifest.serial()),
                null,
                Map.of("serial", manifest.serial(), "added", added, "updated", updated, "removed", removed));
        em.flush();
        changed.fire(new HostedLicensesChanged(
                ended, method == Method.HARDWARE_KEY ? "replaced-by-hardware-key" : "replaced-by-license-file"));
        return new UploadResult(manifest.serial(), false, manifest.issuedAt(), added, updated, removed);
    }

    /** Removes every license of {@code source} from this instance, recorded; the numbers removed. */
    public List<String> uninstall(String source, String reason, String actor, Instant now) {
        Method method = HostedLicense.HARDWARE_KEY.equals(source) ? Method.HARDWARE_KEY : Method.LICENSE_FILE;
        Map<String, String> ended = new LinkedHashMap<>();
        for (HostedLicense h : em.createQuery(
                        "select h from HostedLicense h where h.source = :source order by h.number", HostedLicense.class)
                .setParameter("source", source)
                .getResultList()) {
            ended.put(h.number(), "license " + h.number() + " was " + reason);
            records.record(Change.REMOVE, method, h, "REMOVED", actor, now);
            em.remove(h);
        }
        audit.recordAs(
                actor,
                "hardware-key.uninstall",
                "hardware-key",
                "-",
                null,
                Map.of("removed", List.copyOf(ended.keySet())));
        em.flush();
        changed.fire(new HostedLicensesChanged(ended, "removed-with-hardware-key"));
        return List.copyOf(ended.keySet());
    }

    /**
     * Every document against the manifest (the same licenses, each with the SHA-256 the signed
     * manifest gives it) and then as a registration document for this instance, on all cores.
     */
    public static Map<String, HostedTerms> checkedDocuments(
            LicenseFilePackage.Contents contents,
            LicenseFileManifest manifest,
            Map<String, String> keys,
            String instanceId,
            LocalDate today) {
        Set<String> listed = new HashSet<>();
        for (LicenseFileManifest.Entry e : manifest.licenses()) {
            if (!listed.add(e.number())) {
                throw invalid("The license file's manifest lists license " + e.number() + " twice");
            }
        }
        if (listed.isEmpty() || !listed.equals(contents.documents().keySet())) {
            throw invalid("The license file's documents are not the ones its manifest lists");
        }
        List<HostedTerms> checked = manifest.licenses().parallelStream()
                .map(e -> {
                    byte[] document = contents.documents().get(e.number());
                    if (!LicenseFileManifest.sha256(document).equals(e.sha256())) {
                        throw new LicensingException(
                                ErrorCode.LICENSE_FILE_SIGNATURE_INVALID,
                                "The document of license " + e.number() + " is not the one the publisher signed:"
                                        + " it was changed or damaged. Nothing was changed.");
                    }
                    HostedTerms t;
                    try {
                        t = RegistrationCheck.verified(
                                new UpstreamPublisher.SignedRegistration(
                                        e.number(), document, manifest.keyId(), e.signature()),
                                keys,
                                instanceId);
                    } catch (LicensingException bad) {
                        throw invalid(bad.getMessage());
                    }
                    if (t.expires() != null && t.expires().isBefore(today)) {
                        throw new LicensingException(
                                ErrorCode.LICENSE_FILE_EXPIRED,
                                "License " + e.number() + " in the license file expired on " + t.expires()
                                        + ": ask the publisher for a new file. Nothing was changed.",
                                Map.of("number", e.number()));
                    }
                    return t;
                })
                .toList();
        Map<String, HostedTerms> byNumber = new LinkedHashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            byNumber.put(manifest.licenses().get(i).number(), checked.get(i));
        }
        return byNumber;
    }

    private static List<KeyRollover> rolloversIn(byte[] json) {
        try {
            List<KeyRollover> rollovers = new ArrayList<>();
            for (jakarta.json.JsonValue v : jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(json))
                    .readArray()) {
                jakarta.json.JsonObject r = v.asJsonObject();
                rollovers.add(new KeyRollover(
                        r.getString("keyId"),
                        r.getString("previousKeyId"),
                        r.getString("document"),
                        r.getString("signature")));
            }
            return rollovers;
        } catch (RuntimeException e) {
            throw invalid("The license file's " + LicenseFilePackage.ROLLOVERS + " is not a list of key rollovers");
        }
    }

    public List<AppliedFileView> appliedFiles() {
        return em
                .createQuery("select f from AppliedLicenseFile f order by f.serial desc", AppliedLicenseFile.class)
                .getResultList()
                .stream()
                .map(f -> new AppliedFileView(
                        f.serial(), f.sha256(), f.issuedAt(), f.appliedAt(), f.appliedBy(), f.licenseCount()))
                .toList();
    }

    private java.util.Optional<AppliedLicenseFile> lastApplied() {
        return em.createQuery("select f from AppliedLicenseFile f order by f.serial desc", AppliedLicenseFile.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private static LicensingException invalid(String message) {
        return new LicensingException(ErrorCode.LICENSE_FILE_INVALID, message + ". Nothing was changed.");
    }
}
