package org.licentia.status.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** On-prem side: an alert as the alert watch saw it start, and end; open while {@code endedAt} is null. */
@Entity
@Table(name = "license_alert")
public class LicenseAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "license_number", nullable = false, length = 8)
    private String licenseNumber;

    @Column(name = "owner_account", nullable = false, length = 200)
    private String ownerAccount;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected LicenseAlert() {}

    public LicenseAlert(String kind, String licenseNumber, String ownerAccount, String reason, Instant now) {
        this.kind = kind;
        this.licenseNumber = licenseNumber;
        this.ownerAccount = ownerAccount;
        this.reason = shortened(reason);
        this.startedAt = now;
    }

    /** The reason's figures change while the alert lasts (days left, usage); the alert stays the same one. */
    public void stillActive(String newReason) {
        this.reason = shortened(newReason);
    }

    public void end(Instant now) {
        this.endedAt = now;
    }

    private static String shortened(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    public Long id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String licenseNumber() {
        return licenseNumber;
    }

    public String ownerAccount() {
        return ownerAccount;
    }

    public String reason() {
        return reason;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
