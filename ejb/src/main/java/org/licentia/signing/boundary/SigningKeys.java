package org.licentia.signing.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.DocumentSignature;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.schema.FirstStartLock;
import org.licentia.schema.SchemaMigrations;
import org.licentia.signing.control.BatchSigner;
import org.licentia.signing.control.CmsSignatures;
import org.licentia.signing.control.Ed25519KeyPair;
import org.licentia.signing.control.MasterKey;
import org.licentia.signing.control.ServerMasterKey;
import org.licentia.signing.entity.KeyRolloverRecord;
import org.licentia.signing.entity.SigningKey;

/**
 * The server's signing keys. On first start it creates an Ed25519 key pair and keeps it (sealed)
 * in the database, so signatures stay verifiable across restarts; the newest active key signs,
 * older ones stay listed so documents they signed still verify after a rotation.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    ServerMasterKey masterKey;

    @Inject
    SchemaMigrations schema;

    @Inject
    FirstStartLock firstStart;

    @Inject
    org.licentia.operations.OnCommit onCommit;

    private volatile Ed25519KeyPair current;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void loadOrCreate() {
        if (!schema.isReady()) {
            return;
        }
        firstStart.acquire();
        MasterKey master = masterKey.get();
        List<SigningKey> active = em.createQuery(
                        "select k from SigningKey k where k.active = true order by k.createdAt desc, k.id desc",
                        SigningKey.class)
                .setMaxResults(1)
                .getResultList();
        if (active.isEmpty()) {
            Ed25519KeyPair pair = Ed25519KeyPair.generate();
            em.persist(new SigningKey(
                    pair.keyId(),
                    DocumentSignature.ALGORITHM,
                    pair.publicKey(),
                    master.seal(pair.privateKeyBytes()),
                    Instant.now()));
            current = pair;
        } else {
            current = Ed25519KeyPair.fromPrivate(master.unseal(active.get(0).sealedPrivateKey()));
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SignedDocument sign(Map<String, Object> document) {
        Ed25519KeyPair pair = pair();
        byte[] canonical = CanonicalJson.encode(document);
        return new SignedDocument(document, canonical, DocumentSignature.ALGORITHM, pair.keyId(), pair.sign(canonical));
    }

    /**
     * Signs many documents with the current key, on all cores: signing is pure computation, and a
     * registration or sync of ten thousand licenses signs ten thousand documents.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SignedDocument> signAll(List<Map<String, Object>> documents) {
        Ed25519KeyPair pair = pair();
        return documents.parallelStream()
                .map(document -> {
                    byte[] canonical = CanonicalJson.encode(document);
                    return new SignedDocument(
                            document, canonical, DocumentSignature.ALGORITHM, pair.keyId(), pair.sign(canonical));
                })
                .toList();
    }

    /**
     * The current key, for formats that are not JSON documents (a computer key signs its own
     * compact bytes): its raw public key and a signing function, both of the same key even if the
     * key rotates meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RawSigner rawSigner() {
        Ed25519KeyPair pair = pair();
        return new RawSigner(pair.keyId(), pair.publicKey(), pair::sign);
    }

    /**
     * The current key's self-signed X.509 certificate (DER): what an enterprise keeps to check the
     * CMS signatures of license files with its own tools.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] certificate() {
        return certificate(pair());
    }

    /**
     * A detached CMS (PKCS#7) signature over {@code content} for the current key (by its companion
     * ECDSA key, see {@link CmsSignatures}), at {@code signingTime}, carrying the key's certificate;
     * the same content and time give the same bytes.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] cmsSignature(byte[] content, Instant signingTime) {
        Ed25519KeyPair pair = pair();
        CmsSignatures.CmsKey key = CmsSignatures.CmsKey.derivedFrom(pair.privateKeyBytes());
        return CmsSignatures.detached(content, signingTime, key, certificate(pair, key));
    }

    private byte[] certificate(Ed25519KeyPair pair) {
        return certificate(pair, CmsSignatures.CmsKey.derivedFrom(pair.privateKeyBytes()));
    }

    private byte[] certificate(Ed25519KeyPair pair, CmsSignatures.CmsKey key) {
        Instant createdAt = em.createQuery("select k.createdAt from SigningKey k where k.keyId = :id", Instant.class)
                .setParameter("id", pair.keyId())
                .getSingleResult();
        return CmsSignatures.certificate(pair.keyId(), key, createdAt);
    }

    public record RawSigner(String keyId, byte[] publicKey, java.util.function.UnaryOperator<byte[]> sign)
            implements BatchSigner.Key {

        @Override
        public byte[] sign(byte[] message) {
            return sign.apply(message);
        }
    }

    /**
     * Replaces the signing key by a new one and signs the new key with the old one (a {@link
     * KeyRollover}), so instances that pinned the old key take the new one. The old key stays
     * listed, and documents it signed stay valid. Other nodes of a cluster keep signing with the
     * key they loaded until they restart; instances trust both.
     */
    @jakarta.annotation.security.RolesAllowed("publisher-admin")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public KeyRollover rotate() {
        Ed25519KeyPair previous = pair();
        Ed25519KeyPair next = Ed25519KeyPair.generate();
        Instant now = Instant.now();
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        document.put("type", KeyRollover.TYPE);
        document.put("keyId", next.keyId());
        document.put("publicKey", java.util.Base64.getEncoder().encodeToString(next.publicKey()));
        document.put("previousKeyId", previous.keyId());
        document.put("issuedAt", now.toString());
        byte[] canonical = CanonicalJson.encode(document);
        String signature = java.util.Base64.getEncoder().encodeToString(previous.sign(canonical));
        KeyRollover rollover = new KeyRollover(
                next.keyId(),
                previous.keyId(),
                new String(canonical, java.nio.charset.StandardCharsets.UTF_8),
                signature);
        em.persist(new SigningKey(
                next.keyId(),
                DocumentSignature.ALGORITHM,
                next.publicKey(),
                masterKey.get().seal(next.privateKeyBytes()),
                now));
        em.persist(new KeyRolloverRecord(
                rollover.keyId(), rollover.previousKeyId(), rollover.document(), rollover.signature(), now));
        em.flush();
        onCommit.run(() -> current = next);
        return rollover;
    }

    /** Every rotation's rollover document, oldest first. */
    public List<KeyRollover> rollovers() {
        return em
                .createQuery("select r from KeyRolloverRecord r order by r.id", KeyRolloverRecord.class)
                .getResultList()
                .stream()
                .map(r -> new KeyRollover(r.keyId(), r.previousKeyId(), r.document(), r.signature()))
                .toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String currentKeyId() {
        return pair().keyId();
    }

    public List<PublicKey> publicKeys() {
        return em
                .createQuery("select k from SigningKey k order by k.createdAt desc", SigningKey.class)
                .getResultList()
                .stream()
                .map(k -> new PublicKey(k.keyId(), k.algorithm(), k.publicKey(), k.createdAt(), k.isActive()))
                .toList();
    }

    private Ed25519KeyPair pair() {
        Ed25519KeyPair pair = current;
        if (pair == null) {
            throw new LicensingException(
                    ErrorCode.SERVICE_UNAVAILABLE, "The license database is not ready; try again later");
        }
        return pair;
    }
}
