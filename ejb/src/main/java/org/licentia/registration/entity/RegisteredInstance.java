package org.licentia.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Arrays;

/**
 * Publisher side: an on-prem instance as the publisher knows it. Its public key is bound at its
 * first registration; afterwards only requests signed with that key speak for the instance.
 */
@Entity
@Table(
        name = "registered_instance",
        uniqueConstraints = @UniqueConstraint(name = "uk_registered_instance", columnNames = "instance_id"))
public class RegisteredInstance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instance_id", nullable = false, length = 64)
    private String instanceId;

    @Column(name = "public_key", nullable = false, length = 64)
    private byte[] publicKey;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected RegisteredInstance() {}

    public RegisteredInstance(String instanceId, byte[] publicKey, Instant now) {
        this.instanceId = instanceId;
        this.publicKey = publicKey.clone();
        this.firstSeen = now;
        this.lastSeen = now;
    }

    public String instanceId() {
        return instanceId;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public boolean hasKey(byte[] key) {
        return Arrays.equals(publicKey, key);
    }

    public void seen(Instant now) {
        lastSeen = now;
    }
}
