package org.licentia.hardwarekey.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.licentia.catalog.control.Caller;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hardwarekey.control.HardwareKeyHolder;
import org.licentia.hardwarekey.control.KeySettings;
import org.licentia.hardwarekey.control.KeyStatus;
import org.licentia.hardwarekey.control.NodeKeys;
import org.licentia.hardwarekey.entity.KeyLicensing;
import org.licentia.licensefile.boundary.LicenseFileUploads;
import org.licentia.licensefile.control.LicenseFileManifest;
import org.licentia.licensefile.control.LicenseFilePackage;
import org.licentia.operations.LicenseCalendar;
import org.licentia.registration.control.PublisherTrust;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedTerms;
import org.licentia.registration.entity.LocalInstance;

/**
 * Instance side of hardware-key licensing, as the seed's License interface offers it: the USB key
 * status (each node's keys and the status across them, read afresh on this node: about a quarter
 * of a second), "Synchronize" (install the license preloaded on the one key), and "Upload License"
 * of a license file bound to a key that is plugged in.
 */
@Stateless
// the keys and the licenses on them are the whole instance's, of every account: the admin's to see
@RolesAllowed("publisher-admin")
public class HardwareKeyLicensing {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    NodeKeys nodeKeys;

    @Inject
    PublisherTrust trust;

    @Inject
    LicenseFileUploads uploads;

    @Inject
    LicenseCalendar calendar;

    @Inject
    Caller caller;

    /** The status, with this node read now and the other nodes as they last reported. */
    public KeyStatusView status() {
        return KeyStatusView.of(evaluation(), KeySettings.nodeName());
    }

    private NodeKeys.Evaluation evaluation() {
        KeySettings.requireLibrary();
        reportThisNode();
        return nodeKeys.evaluate();
    }

    private void reportThisNode() {
        try {
            nodeKeys.report();
        } catch (jakarta.ejb.EJBException raced) {
            // a node's very first report, made twice at once (the scan timer and this call): the
            // second insert fails at commit, and reporting again updates the row the first made
            nodeKeys.report();
        }
    }

    /** The keys' IDs to copy: the genuine keys in the live nodes, then any other Licentia key seen. */
    public List<String> keyIds() {
        NodeKeys.Evaluation e = evaluation();
        List<String> genuine = e.genuineKeys().stream()
                .map(NodeKeys.Sighting::keyId)
                .distinct()
                .toList();
        if (!genuine.isEmpty()) {
            return genuine;
        }
        return e.nodes().stream()
                .filter(NodeKeys.NodeView::live)
                .flatMap(n -> n.keys().stream())
                .map(NodeKeys.Sighting::keyId)
                .distinct()
                .toList();
    }

    /** "Synchronize": installs the license preloaded on the one key the nodes hold. */
    @RolesAllowed("publisher-admin")
    public LicenseFileUploads.UploadResult synchronize() {
        String actor = caller.email();
        KeySettings.requireLibrary();
        reportThisNode();
        // serialises with registrations, uploads and other syncs on every node
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        NodeKeys.Evaluation e = nodeKeys.evaluate();
        List<NodeKeys.Sighting> keys = e.genuineKeys();
        if (e.status() != KeyStatus.NORMAL || keys.size() != 1) {
            throw new LicensingException(
                    ErrorCode.HARDWARE_KEY_NOT_READY,
                    "Synchronize needs exactly one hardware key, in one node; the key status is " + e.status() + " ("
                            + keys.size() + " genuine keys in the nodes). Nothing was changed.",
                    Map.of("keyStatus", e.status().name()));
        }
        NodeKeys.Sighting key = keys.get(0);
        LicenseFilePackage.Contents contents = LicenseFilePackage.read(key.license());
        Map<String, String> trusted = trust.keys();
        LicenseFileManifest manifest = LicenseFileManifest.verified(contents, trusted);
        return install(contents, manifest, trusted, key, key.license(), actor);
    }

    /**
     * "Upload License" of a file bound to a hardware key (the upload found the binding): the key
     * must be plugged into a node and prove itself now; the file must be newer than the one in effect.
     */
    @RolesAllowed("publisher-admin")
    public LicenseFileUploads.UploadResult applyUpdate(
            LicenseFilePackage.Contents contents,
            LicenseFileManifest manifest,
            Map<String, String> trusted,
            byte[] zip,
            String actor) {
        KeySettings.requireLibrary();
        String keyId = HardwareKeyHolder.keyIdOf(manifest.instanceId());
        reportThisNode();
        NodeKeys.Sighting key = nodeKeys.evaluate().genuineKeys().stream()
                .filter(s -> s.keyId().equals(keyId))
                .findFirst()
                .orElseThrow(() -> new LicensingException(
                        ErrorCode.HARDWARE_KEY_NOT_READY,
                        "The license file is for hardware key " + keyId + ", which no node holds now: plug it"
                                + " into a management node first. Nothing was changed.",
                        Map.of("keyId", keyId)));
        return install(contents, manifest, trusted, key, zip, actor);
    }

    /**
     * Removes the licenses of the installed key from this instance (before the key moves to
     * another instance for good, say): they are recorded as removed, and the next key synchronized
     * starts afresh. The key keeps its license; only this instance lets it go.
     */
    @RolesAllowed("publisher-admin")
    public List<String> uninstall() {
        String actor = caller.email();
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        KeyLicensing state = em.find(KeyLicensing.class, KeyLicensing.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        List<String> removed = uploads.uninstall(
                HostedLicense.HARDWARE_KEY, "removed with hardware key " + state.installedKey(), actor, Instant.now());
        state.uninstalled();
        return removed;
    }

    private LicenseFileUploads.UploadResult install(
            LicenseFilePackage.Contents contents,
            LicenseFileManifest manifest,
            Map<String, String> trusted,
            NodeKeys.Sighting key,
            byte[] zip,
            String actor) {
        if (!HardwareKeyHolder.of(key.keyId()).equals(manifest.instanceId())
                || !key.fingerprint().equals(manifest.instanceKey())) {
            throw new LicensingException(
                    ErrorCode.LICENSE_FILE_WRONG_INSTANCE,
                    "The license file is for " + manifest.instanceId() + " (key " + manifest.instanceKey()
                            + "), not for hardware key " + key.keyId() + " (" + key.fingerprint()
                            + "). Nothing was changed.");
        }
        KeyLicensing state = em.find(KeyLicensing.class, KeyLicensing.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        String sha256 = LicenseFileManifest.sha256(zip);
        if (key.keyId().equals(state.installedKey()) && state.installedSerial() != null) {
            if (manifest.serial() == state.installedSerial() && sha256.equals(state.installedSha256())) {
                return new LicenseFileUploads.UploadResult(
                        manifest.serial(), true, manifest.issuedAt(), List.of(), List.of(), List.of());
            }
            if (manifest.serial() <= state.installedSerial()) {
                throw new LicensingException(
                        ErrorCode.LICENSE_FILE_SUPERSEDED,
                        "The license has serial " + manifest.serial() + ", but license " + state.installedSerial()
                                + " of hardware key " + key.keyId() + " is installed already: an older license never"
                                + " replaces a newer one. Nothing was changed.",
                        Map.of(
                                "serial",
                                Long.toString(manifest.serial()),
                                "applied",
                                Long.toString(state.installedSerial())));
            }
        }
        // a key's file has no apply-before date: it may wait on the key for as long as the key does;
        // each license still ends on its own expiry
        Map<String, HostedTerms> terms = LicenseFileUploads.checkedDocuments(
                contents, manifest, trusted, manifest.instanceId(), calendar.today());
        LicenseFileUploads.UploadResult result =
                uploads.install(contents, manifest, terms, HostedLicense.HARDWARE_KEY, actor, Instant.now());
        state.installed(key.keyId(), manifest.serial(), sha256);
        nodeKeys.evaluate();
        return result;
    }
}
