package org.licentia.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * On-prem side: a publisher verification key this instance trusts. Pinned once (at the first
 * successful registration, or through a rollover signed by a key pinned before) and never taken
 * from the upstream URL again, so whoever answers at that URL later cannot make the instance
 * trust documents they signed.
 */
@Entity
@Table(name = "pinned_publisher_key")
public class PinnedPublisherKey {

    public static final String FIRST_USE = "FIRST_USE";
    public static final String ROLLOVER = "ROLLOVER";

    @Id
    @Column(name = "key_id", length = 32)
    private String keyId;

    /** Base64 of the raw 32-byte Ed25519 public key, as the publisher lists it. */
    @Column(name = "public_key", nullable = false, length = 64)
    private String publicKey;

    @Column(name = "pinned_at", nullable = false)
    private Instant pinnedAt;

    @Column(name = "pinned_by", nullable = false, length = 32)
    private String pinnedBy;

    protected PinnedPublisherKey() {}

    public PinnedPublisherKey(String keyId, String publicKey, Instant pinnedAt, String pinnedBy) {
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.pinnedAt = pinnedAt;
        this.pinnedBy = pinnedBy;
    }

    public String keyId() {
        return keyId;
    }

    public String publicKey() {
        return publicKey;
    }

    public Instant pinnedAt() {
        return pinnedAt;
    }

    public String pinnedBy() {
        return pinnedBy;
    }
}
