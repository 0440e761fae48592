package org.licentia.signing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.hibernate.Length;

/**
 * An Ed25519 key pair of the server. The private half is stored only sealed (AES-GCM under the
 * server's master key), so a copy of the database alone cannot sign anything.
 */
@Entity
@Table(name = "signing_key", uniqueConstraints = @UniqueConstraint(name = "uk_signing_key_id", columnNames = "key_id"))
public class SigningKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_key", nullable = false, length = 64)
    private byte[] publicKey;

    @Column(name = "sealed_private_key", nullable = false, length = Length.LONG32)
    private byte[] sealedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean active;

    protected SigningKey() {}

    public SigningKey(String keyId, String algorithm, byte[] publicKey, byte[] sealedPrivateKey, Instant createdAt) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.publicKey = publicKey.clone();
        this.sealedPrivateKey = sealedPrivateKey.clone();
        this.createdAt = createdAt;
        this.active = true;
    }

    public String keyId() {
        return keyId;
    }

    public String algorithm() {
        return algorithm;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] sealedPrivateKey() {
        return sealedPrivateKey.clone();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isActive() {
        return active;
    }
}
