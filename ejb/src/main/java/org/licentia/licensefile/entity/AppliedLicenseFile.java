package org.licentia.licensefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** On-prem side: a license file this instance applied. The highest serial is the one in effect. */
@Entity
@Table(name = "applied_license_file")
public class AppliedLicenseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long serial;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "applied_at", nullable = false)
    private Instant appliedAt;

    @Column(name = "applied_by", nullable = false, length = 320)
    private String appliedBy;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    @Column(name = "license_count", nullable = false)
    private int licenseCount;

    protected AppliedLicenseFile() {}

    public AppliedLicenseFile(
            long serial,
            String sha256,
            Instant issuedAt,
            Instant appliedAt,
            String appliedBy,
            String keyId,
            int licenseCount) {
        this.serial = serial;
        this.sha256 = sha256;
        this.issuedAt = issuedAt;
        this.appliedAt = appliedAt;
        this.appliedBy = appliedBy;
        this.keyId = keyId;
        this.licenseCount = licenseCount;
    }

    public long serial() {
        return serial;
    }

    /** The serial of the license file in effect, 0 before the first. */
    public static long lastSerial(jakarta.persistence.EntityManager em) {
        Long last = em.createQuery("select max(f.serial) from AppliedLicenseFile f", Long.class)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    public String sha256() {
        return sha256;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant appliedAt() {
        return appliedAt;
    }

    public String appliedBy() {
        return appliedBy;
    }

    public int licenseCount() {
        return licenseCount;
    }
}
