package org.licentia.hardwarekey.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.licentia.hardwarekey.control.KeyStatus;

/**
 * Instance side, one row: the key whose license is installed, the key status across the nodes,
 * and since when the keys have not been as they should be. The buffer license runs from then, so
 * it is the same on every node and survives restarts.
 */
@Entity
@Table(name = "hardware_key_licensing")
public class KeyLicensing {

    public static final int THE_ONE = 1;

    @Id
    private int id;

    @Column(name = "installed_key", length = 64)
    private String installedKey;

    @Column(name = "installed_serial")
    private Long installedSerial;

    @Column(name = "installed_sha256", length = 64)
    private String installedSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private KeyStatus status;

    @Column(name = "degraded_since")
    private Instant degradedSince;

    protected KeyLicensing() {}

    /** The keys as read now: {@code sound} when the installed key's license may be used without a buffer. */
    public void observe(KeyStatus now, boolean sound, Instant at) {
        status = now;
        if (sound) {
            degradedSince = null;
        } else if (degradedSince == null) {
            degradedSince = at;
        }
    }

    public void installed(String keyId, long serial, String sha256) {
        this.installedKey = keyId;
        this.installedSerial = serial;
        this.installedSha256 = sha256;
    }

    public void uninstalled() {
        this.installedKey = null;
        this.installedSerial = null;
        this.installedSha256 = null;
        this.degradedSince = null;
    }

    public String installedKey() {
        return installedKey;
    }

    public Long installedSerial() {
        return installedSerial;
    }

    public String installedSha256() {
        return installedSha256;
    }

    public KeyStatus status() {
        return status;
    }

    public Instant degradedSince() {
        return degradedSince;
    }
}
