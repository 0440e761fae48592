package org.licentia.registration.boundary;

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
import java.util.Base64;
import java.util.UUID;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.entity.LocalInstance;
import org.licentia.schema.FirstStartLock;
import org.licentia.schema.SchemaMigrations;
import org.licentia.signing.control.Ed25519KeyPair;
import org.licentia.signing.control.ServerMasterKey;

/**
 * This on-prem instance's identity: created on first start (instance ID and Ed25519 key pair),
 * then the same across restarts and across the nodes that share the database.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InstanceIdentity {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    ServerMasterKey masterKey;

    @Inject
    SchemaMigrations schema;

    @Inject
    FirstStartLock firstStart;

    private volatile String instanceId;
    private volatile Ed25519KeyPair keys;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void loadOrCreate() {
        if (!schema.isReady()) {
            return;
        }
        firstStart.acquire();
        LocalInstance local = em.find(LocalInstance.class, LocalInstance.THE_ONE);
        if (local == null) {
            Ed25519KeyPair pair = Ed25519KeyPair.generate();
            local = new LocalInstance(
                    UUID.randomUUID().toString(),
                    pair.publicKey(),
                    masterKey.get().seal(pair.privateKeyBytes()),
                    Instant.now());
            em.persist(local);
            keys = pair;
        } else {
            keys = Ed25519KeyPair.fromPrivate(masterKey.get().unseal(local.sealedPrivateKey()));
        }
        instanceId = local.instanceId();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String instanceId() {
        keys();
        return instanceId;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys().publicKey());
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] publicKey() {
        return keys().publicKey();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public byte[] sign(byte[] message) {
        return keys().sign(message);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String signBase64(byte[] message) {
        return Base64.getEncoder().encodeToString(keys().sign(message));
    }

    private Ed25519KeyPair keys() {
        Ed25519KeyPair pair = keys;
        if (pair == null) {
            throw new LicensingException(
                    ErrorCode.SERVICE_UNAVAILABLE, "The license database is not ready; try again later");
        }
        return pair;
    }
}
