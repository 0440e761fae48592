package org.licentia.hardwarekey.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.licentia.errors.LicensingException;
import org.licentia.hardwarekey.entity.KeyLicensing;
import org.licentia.hardwarekey.entity.NodeKeyReport;
import org.licentia.licensefile.control.LicenseFileManifest;
import org.licentia.licensefile.control.LicenseFilePackage;
import org.licentia.pkcs11.TokenReading;
import org.licentia.registration.control.PublisherTrust;

/**
 * Instance side: what this node holds, proven, and the status across the nodes. A key counts when
 * it signs a fresh challenge with the key pair its license is bound to: the license object copied
 * to another token, or a token given the same serial and label, is listed with its problem and
 * counts for nothing.
 */
@Stateless
@PermitAll
public class NodeKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    SlotReader slots;

    @Inject
    PublisherTrust trust;

    /** One key as a node saw it; {@code license} is the preloaded license file, for a genuine key only. */
    public record Sighting(
            String keyId,
            String model,
            String fingerprint,
            boolean genuine,
            String problem,
            Long serial,
            Instant issuedAt,
            List<String> licenses,
            byte[] license) {}

    public record NodeView(String node, Instant reportedAt, boolean live, KeyStatus status, List<Sighting> keys) {

        public List<Sighting> genuine() {
            return keys.stream().filter(Sighting::genuine).toList();
        }
    }

    /**
     * The keys across the live nodes and what that means for the installed key's license:
     * {@code bufferEndsAt} is set while the keys are not as they should be.
     */
    public record Evaluation(
            KeyStatus status,
            List<NodeView> nodes,
            String installedKey,
            Long installedSerial,
            boolean installedKeyPresent,
            int bufferDays,
            Instant degradedSince,
            Instant bufferEndsAt,
            boolean usable) {

        public List<Sighting> genuineKeys() {
            return nodes.stream()
                    .filter(NodeView::live)
                    .flatMap(n -> n.genuine().stream())
                    .toList();
        }
    }

    /** Reads this node's slots and reports them (its own transaction: a report is never rolled back with its caller). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void report() {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        List<TokenReading> read = slots.read(challenge);
        Map<String, String> keys = trust.keys();
        List<Sighting> seen = new ArrayList<>();
        for (TokenReading t : read) {
            if (t.isLicentiaKey()) {
                seen.add(sighting(t, challenge, keys));
            }
        }
        store(seen);
    }

    /** Reports that this node reads no keys (no module is configured), so an installed key's buffer runs. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reportNone() {
        store(List.of());
    }

    private void store(List<Sighting> seen) {
        String node = KeySettings.nodeName();
        Instant now = Instant.now();
        String json = json(seen);
        NodeKeyReport r = em.find(NodeKeyReport.class, node, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            em.persist(new NodeKeyReport(node, now, json));
        } else {
            r.update(now, json);
        }
    }

    static Sighting sighting(TokenReading t, byte[] challenge, Map<String, String> trustedKeys) {
        String fingerprint = HardwareKeyHolder.fingerprint(t.publicKey());
        if (t.problem() != null) {
            return refused(t, fingerprint, t.problem());
        }
        if (!HardwareKeyHolder.signed(t.publicKey(), challenge, t.signature())) {
            return refused(t, fingerprint, "the key did not prove that it holds its private key");
        }
        if (t.license() == null) {
            return refused(t, fingerprint, "no license is preloaded on the key");
        }
        LicenseFileManifest manifest;
        try {
            manifest = LicenseFileManifest.verified(LicenseFilePackage.read(t.license()), trustedKeys);
        } catch (LicensingException e) {
            return refused(t, fingerprint, "its license is not one this instance can trust: " + e.getMessage());
        }
        if (!HardwareKeyHolder.of(t.keyId()).equals(manifest.instanceId())
                || !fingerprint.equals(manifest.instanceKey())) {
            return refused(
                    t,
                    fingerprint,
                    "its license was made for " + manifest.instanceId() + " (key " + manifest.instanceKey()
                            + "), not for this key: it was copied from another key");
        }
        return new Sighting(
                t.keyId(),
                t.model(),
                fingerprint,
                true,
                null,
                manifest.serial(),
                manifest.issuedAt(),
                manifest.licenses().stream()
                        .map(LicenseFileManifest.Entry::number)
                        .toList(),
                t.license());
    }

    private static Sighting refused(TokenReading t, String fingerprint, String problem) {
        return new Sighting(t.keyId(), t.model(), fingerprint, false, problem, null, null, List.of(), null);
    }

    /**
     * The status across the nodes that reported within three scan intervals, written to the one
     * licensing row (locked: nodes evaluate one at a time); the buffer starts the first time the
     * installed key's license is not soundly held.
     */
    public Evaluation evaluate() {
        KeyLicensing state = em.find(KeyLicensing.class, KeyLicensing.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        Duration interval = KeySettings.scanInterval();
        Instant liveAfter = now.minus(interval.multipliedBy(3).plusSeconds(5));
        // a node silent for a day is gone (or will report afresh when it is back)
        em.createQuery("delete from NodeKeyReport r where r.reportedAt < :before")
                .setParameter("before", now.minus(Duration.ofDays(1)))
                .executeUpdate();
        List<NodeView> nodes = new ArrayList<>();
        for (NodeKeyReport r : em.createQuery("select r from NodeKeyReport r order by r.nodeName", NodeKeyReport.class)
                .getResultList()) {
            List<Sighting> keys = parse(r.readings());
            int genuine = (int) keys.stream().filter(Sighting::genuine).count();
            nodes.add(new NodeView(
                    r.nodeName(), r.reportedAt(), r.reportedAt().isAfter(liveAfter), KeyStatus.ofNode(genuine), keys));
        }
        KeyStatus status = KeyStatus.ofInstance(nodes.stream()
                .filter(NodeView::live)
                .map(n -> n.genuine().size())
                .toList());
        String installed = state.installedKey();
        boolean present = installed != null
                && nodes.stream()
                        .filter(NodeView::live)
                        .flatMap(n -> n.genuine().stream())
                        .anyMatch(s -> s.keyId().equals(installed));
        state.observe(status, status.isSound() && (installed == null || present), now);
        int bufferDays = KeySettings.bufferDays();
        Instant bufferEnds = state.degradedSince() == null ? null : KeySettings.bufferEndsAt(state.degradedSince());
        boolean usable = installed != null && (bufferEnds == null || now.isBefore(bufferEnds));
        return new Evaluation(
                status,
                nodes,
                installed,
                state.installedSerial(),
                present,
                bufferDays,
                state.degradedSince(),
                bufferEnds,
                usable);
    }

    /** True while a hardware key's licenses are installed here. */
    public boolean anyKeyLicense() {
        return em.createQuery("select count(h) from HostedLicense h where h.source = 'HARDWARE_KEY'", Long.class)
                        .getSingleResult()
                > 0;
    }

    static String json(List<Sighting> seen) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Sighting s : seen) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("keyId", s.keyId())
                    .add("model", s.model() == null ? "" : s.model())
                    .add("fingerprint", s.fingerprint())
                    .add("genuine", s.genuine());
            if (s.problem() != null) {
                o.add("problem", s.problem());
            }
            if (s.serial() != null) {
                o.add("serial", s.serial()).add("issuedAt", s.issuedAt().toString());
            }
            JsonArrayBuilder numbers = Json.createArrayBuilder();
            s.licenses().forEach(numbers::add);
            o.add("licenses", numbers);
            if (s.license() != null) {
                o.add("license", Base64.getEncoder().encodeToString(s.license()));
            }
            list.add(o);
        }
        return list.build().toString();
    }

    static List<Sighting> parse(String json) {
        List<Sighting> seen = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(json)).readArray()) {
            JsonObject o = v.asJsonObject();
            seen.add(new Sighting(
                    o.getString("keyId"),
                    o.getString("model"),
                    o.getString("fingerprint"),
                    o.getBoolean("genuine"),
                    o.getString("problem", null),
                    o.containsKey("serial") ? o.getJsonNumber("serial").longValueExact() : null,
                    o.containsKey("issuedAt") ? Instant.parse(o.getString("issuedAt")) : null,
                    o.getJsonArray("licenses").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString)
                            .toList(),
                    o.containsKey("license") ? Base64.getDecoder().decode(o.getString("license")) : null));
        }
        return seen;
    }
}
