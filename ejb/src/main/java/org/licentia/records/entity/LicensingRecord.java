package org.licentia.records.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * On-prem side: one row of the seed's Licensing Record tab: when, what kind of change (install,
 * update, remove, expire), by which method (online, license file, ...), the authorized item and
 * quota, the status, and the license's issue and expiry time. Rows are only ever added.
 */
@Entity
@Table(name = "licensing_record")
public class LicensingRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "licensing_record_seq")
    @SequenceGenerator(name = "licensing_record_seq", sequenceName = "licensing_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "management_type", nullable = false, length = 32)
    private String managementType;

    @Column(nullable = false, length = 32)
    private String method;

    @Column(name = "license_number", nullable = false, length = 8)
    private String licenseNumber;

    @Column(nullable = false, length = 200)
    private String item;

    @Column(nullable = false, length = 100)
    private String quota;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "issued_at")
    private Instant issuedAt;

    private LocalDate expires;

    @Column(nullable = false, length = 320)
    private String actor;

    /** The license's owner, so each user sees their accounts' rows; null in rows older than V6. */
    @Column(name = "owner_account", length = 200)
    private String ownerAccount;

    protected LicensingRecord() {}

    public LicensingRecord(
            Instant recordedAt,
            String managementType,
            String method,
            String licenseNumber,
            String item,
            String quota,
            String status,
            Instant issuedAt,
            LocalDate expires,
            String actor,
            String ownerAccount) {
        this.recordedAt = recordedAt;
        this.managementType = managementType;
        this.method = method;
        this.licenseNumber = licenseNumber;
        this.item = item;
        this.quota = quota;
        this.status = status;
        this.issuedAt = issuedAt;
        this.expires = expires;
        this.actor = actor;
        this.ownerAccount = ownerAccount;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String managementType() {
        return managementType;
    }

    public String method() {
        return method;
    }

    public String licenseNumber() {
        return licenseNumber;
    }

    public String item() {
        return item;
    }

    public String quota() {
        return quota;
    }

    public String status() {
        return status;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public LocalDate expires() {
        return expires;
    }

    public String actor() {
        return actor;
    }

    public String ownerAccount() {
        return ownerAccount;
    }

    public Long id() {
        return id;
    }
}
