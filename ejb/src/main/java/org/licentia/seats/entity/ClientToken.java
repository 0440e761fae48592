package org.licentia.seats.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A credential for seat clients, created by the instance's administrator for one application or
 * site. Only a SHA-256 hash of the token's secret is kept: the secret is 192 random bits, so a
 * fast hash is enough, and checking a token costs microseconds, not a password hash.
 */
@Entity
@Table(
        name = "client_token",
        uniqueConstraints = {
            @UniqueConstraint(name = "uk_client_token_name", columnNames = "name"),
            @UniqueConstraint(name = "uk_client_token_key", columnNames = "token_key")
        })
public class ClientToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    /** The token's public part, by which it is found. */
    @Column(name = "token_key", nullable = false, length = 16)
    private String key;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 320)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ClientToken() {}

    public ClientToken(String name, String key, String secretHash, String createdBy, Instant now) {
        this.name = name;
        this.key = key;
        this.secretHash = secretHash;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String name() {
        return name;
    }

    public String key() {
        return key;
    }

    public String secretHash() {
        return secretHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
