package org.licentia.signing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Publisher side: the rollover document of one key rotation, signed by the key it replaced. */
@Entity
@Table(name = "key_rollover")
public class KeyRolloverRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    @Column(name = "previous_key_id", nullable = false, length = 32)
    private String previousKeyId;

    /** The canonical JSON the signature covers. */
    @Column(nullable = false, length = 2000)
    private String document;

    @Column(nullable = false, length = 100)
    private String signature;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected KeyRolloverRecord() {}

    public KeyRolloverRecord(String keyId, String previousKeyId, String document, String signature, Instant createdAt) {
        this.keyId = keyId;
        this.previousKeyId = previousKeyId;
        this.document = document;
        this.signature = signature;
        this.createdAt = createdAt;
    }

    public String keyId() {
        return keyId;
    }

    public String previousKeyId() {
        return previousKeyId;
    }

    public String document() {
        return document;
    }

    public String signature() {
        return signature;
    }
}
