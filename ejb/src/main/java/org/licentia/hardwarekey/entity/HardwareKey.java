package org.licentia.hardwarekey.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Publisher side: a hardware key it preloaded, by its ID, with the public half of the key pair the
 * token made. The ID may be given again only with the same public key: a token that copies
 * another's serial and label has another key pair, and gets no license.
 */
@Entity
@Table(name = "hardware_key")
public class HardwareKey {

    @Id
    @Column(name = "key_id", length = 64)
    private String keyId;

    /** X.509 SubjectPublicKeyInfo, Base64, EC P-256. */
    @Column(name = "public_key", nullable = false, length = 200)
    private String publicKey;

    @Column(nullable = false, length = 32)
    private String fingerprint;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false, length = 320)
    private String registeredBy;

    protected HardwareKey() {}

    public HardwareKey(String keyId, String publicKey, String fingerprint, Instant registeredAt, String registeredBy) {
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.fingerprint = fingerprint;
        this.registeredAt = registeredAt;
        this.registeredBy = registeredBy;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }
}
