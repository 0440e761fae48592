package org.licentia.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.Length;

/**
 * On-prem side: this installation's identity, created on first start and kept: an instance ID and
 * an Ed25519 key pair whose private half is stored sealed under the master key. Its one row is
 * also the lock that serialises registration changes across all nodes sharing the database.
 */
@Entity
@Table(name = "local_instance")
public class LocalInstance {

    public static final long THE_ONE = 1L;

    @Id
    private Long id;

    @Version
    private long version;

    @Column(name = "instance_id", nullable = false, length = 64)
    private String instanceId;

    @Column(name = "public_key", nullable = false, length = 64)
    private byte[] publicKey;

    @Column(name = "sealed_private_key", nullable = false, length = Length.LONG32)
    private byte[] sealedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LocalInstance() {}

    public LocalInstance(String instanceId, byte[] publicKey, byte[] sealedPrivateKey, Instant createdAt) {
        this.id = THE_ONE;
        this.instanceId = instanceId;
        this.publicKey = publicKey.clone();
        this.sealedPrivateKey = sealedPrivateKey.clone();
        this.createdAt = createdAt;
    }

    public String instanceId() {
        return instanceId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] sealedPrivateKey() {
        return sealedPrivateKey.clone();
    }
}
