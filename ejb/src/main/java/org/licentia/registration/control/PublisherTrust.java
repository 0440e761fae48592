package org.licentia.registration.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.entity.PinnedPublisherKey;
import org.licentia.signing.boundary.KeyRollover;
import org.licentia.signing.boundary.SigningKeys;
import org.licentia.signing.control.Ed25519KeyPair;

/**
 * On-prem side: the publisher keys this instance trusts, and nothing else. They are, in this order:
 * this server's own keys when it is its own publisher (the embedded default); the keys given at
 * installation ({@code licentia.upstream.public-keys}, {@code licentia.upstream.public-keys-file});
 * the keys pinned at the first successful registration. The upstream URL's key list is read only
 * while none of these exists.
 */
@Dependent
public class PublisherTrust {

    private static final Logger LOG = Logger.getLogger(PublisherTrust.class.getName());

    /** A trusted key as the admin sees it: where the trust came from and since when. */
    public record TrustedKey(String keyId, String publicKey, String pinnedBy, Instant pinnedAt) {}

    public static final String OWN_PUBLISHER = "OWN_PUBLISHER";
    public static final String CONFIGURED = "CONFIGURED";

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Config config;

    @Inject
    UpstreamPublisher publisher;

    @Inject
    SigningKeys signingKeys;

    /** Key ID to Base64 public key, of every trusted key; empty when none is pinned yet. */
    public Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        trusted().forEach(k -> keys.put(k.keyId(), k.publicKey()));
        return keys;
    }

    /**
     * The keys to check an answer of the upstream with: {@link #keys()} and the keys the upstream's
     * rollovers endorse from them (pinned from then on); or, while no key is trusted yet, the
     * upstream's current keys, pinned from then on (trust on first use, as SSH does). Call it only
     * where the caller is about to rely on an answer of that upstream, in a transaction that also
     * keeps what that answer gave.
     */
    public Map<String, String> keysPinningOnFirstUse() {
        Map<String, String> keys = keys();
        if (publisher.isOwnPublisher()) {
            return keys;
        }
        UpstreamPublisher.PublisherKeys listed = publisher.keys();
        if (!keys.isEmpty()) {
            keys.putAll(pinEndorsed(keys, listed.rollovers()));
            return keys;
        }
        Instant now = Instant.now();
        listed.keys().forEach((keyId, publicKey) -> {
            if (!isKeyOf(keyId, publicKey)) {
                throw new LicensingException(
                        ErrorCode.UPSTREAM_INVALID_ANSWER,
                        "The publisher at " + publisher.url() + " lists key " + keyId + " with a key of another ID");
            }
            em.persist(new PinnedPublisherKey(keyId, publicKey, now, PinnedPublisherKey.FIRST_USE));
            LOG.info(() -> "Pinned publisher key " + keyId + " of " + publisher.url()
                    + ": from now on only documents signed by it (or by keys it endorses) are trusted");
        });
        return new LinkedHashMap<>(listed.keys());
    }

    /**
     * Pins the keys that {@code rollovers} endorse from the keys trusted now (a rotation the
     * publisher made, signed by a key this instance trusts); returns them. Rollovers signed by any
     * other key change nothing.
     */
    public Map<String, String> pinEndorsed(Map<String, String> trusted, List<KeyRollover> rollovers) {
        Map<String, String> endorsed = KeyRollover.endorsed(trusted, rollovers);
        Instant now = Instant.now();
        endorsed.forEach((keyId, publicKey) -> {
            em.persist(new PinnedPublisherKey(keyId, publicKey, now, PinnedPublisherKey.ROLLOVER));
            LOG.info(() -> "Pinned publisher key " + keyId + ": a rollover signed by a trusted key endorses it");
        });
        return endorsed;
    }

    /** Every trusted key with where its trust comes from. */
    public List<TrustedKey> trusted() {
        List<TrustedKey> trusted = new ArrayList<>();
        if (publisher.isOwnPublisher()) {
            signingKeys
                    .publicKeys()
                    .forEach(k -> trusted.add(new TrustedKey(
                            k.keyId(),
                            Base64.getEncoder().encodeToString(k.publicKey()),
                            OWN_PUBLISHER,
                            k.createdAt())));
            return trusted;
        }
        configured().forEach((keyId, key) -> trusted.add(new TrustedKey(keyId, key, CONFIGURED, null)));
        em
                .createQuery(
                        "select k from PinnedPublisherKey k order by k.pinnedAt, k.keyId", PinnedPublisherKey.class)
                .getResultList()
                .stream()
                .filter(k -> trusted.stream().noneMatch(t -> t.keyId().equals(k.keyId())))
                .forEach(k -> trusted.add(new TrustedKey(k.keyId(), k.publicKey(), k.pinnedBy(), k.pinnedAt())));
        return trusted;
    }

    /**
     * The keys given at installation: {@code licentia.upstream.public-keys} as comma-separated
     * {@code KEYID:BASE64} (or bare {@code BASE64}), and {@code licentia.upstream.public-keys-file},
     * the publisher's {@code GET /api/v1/keys} answer saved to a file. A key whose ID is not its
     * own is a misconfiguration, refused loudly rather than skipped.
     */
    private Map<String, String> configured() {
        Map<String, String> keys = new LinkedHashMap<>();
        config.getOptionalValue("licentia.upstream.public-keys", String.class).ifPresent(list -> {
            for (String entry : list.split(",")) {
                String item = entry.strip();
                if (item.isEmpty()) {
                    continue;
                }
                int colon = item.indexOf(':');
                String key = colon < 0 ? item : item.substring(colon + 1).strip();
                String keyId =
                        colon < 0 ? keyIdOf(key) : item.substring(0, colon).strip();
                requireKeyOf(keyId, key, "licentia.upstream.public-keys");
                keys.put(keyId, key);
            }
        });
        config.getOptionalValue("licentia.upstream.public-keys-file", String.class)
                .filter(s -> !s.isBlank())
                .ifPresent(file -> {
                    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                        JsonObject list = Json.createReader(in).readObject();
                        for (JsonValue v : list.getJsonArray("keys")) {
                            String keyId = v.asJsonObject().getString("keyId");
                            String key = v.asJsonObject().getString("publicKey");
                            requireKeyOf(keyId, key, "licentia.upstream.public-keys-file " + file);
                            keys.put(keyId, key);
                        }
                    } catch (IOException | RuntimeException e) {
                        if (e instanceof LicensingException l) {
                            throw l;
                        }
                        throw misconfigured("licentia.upstream.public-keys-file " + file
                                + " cannot be read as the publisher's key list (GET /api/v1/keys)");
                    }
                });
        return keys;
    }

    private static void requireKeyOf(String keyId, String key, String setting) {
        if (!isKeyOf(keyId, key)) {
            throw misconfigured(
                    setting + ": " + keyId + " is not the ID of a Base64 32-byte Ed25519 key given with it");
        }
    }

    static boolean isKeyOf(String keyId, String publicKeyBase64) {
        String id = keyIdOf(publicKeyBase64);
        return id != null && id.equals(keyId);
    }

    private static String keyIdOf(String publicKeyBase64) {
        try {
            byte[] key = Base64.getDecoder().decode(publicKeyBase64);
            return key.length == 32 ? Ed25519KeyPair.keyIdOf(key) : null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static LicensingException misconfigured(String what) {
        LOG.severe(what);
        return new LicensingException(
                ErrorCode.SERVICE_UNAVAILABLE,
                "The publisher keys this instance trusts are misconfigured; its administrator must correct them");
    }
}
