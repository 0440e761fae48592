package org.licentia.licensefile.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Publisher side: a license file made for an instance. Serials strictly increase per instance. */
@Entity
@Table(name = "issued_license_file")
public class IssuedLicenseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instance_id", nullable = false, length = 64)
    private String instanceId;

    @Column(nullable = false)
    private long serial;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false, length = 320)
    private String issuedBy;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    @Column(name = "license_count", nullable = false)
    private int licenseCount;

    @Column(nullable = false, length = 64)
    private String sha256;

    protected IssuedLicenseFile() {}

    public IssuedLicenseFile(
            String instanceId,
            long serial,
            Instant issuedAt,
            String issuedBy,
            String keyId,
            int licenseCount,
            String sha256) {
        this.instanceId = instanceId;
        this.serial = serial;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.keyId = keyId;
        this.licenseCount = licenseCount;
        this.sha256 = sha256;
    }

    public long serial() {
        return serial;
    }

    /** The last serial issued for the instance, 0 before its first file. */
    public static long lastSerial(jakarta.persistence.EntityManager em, String instanceId) {
        Long last = em.createQuery("select max(f.serial) from IssuedLicenseFile f where f.instanceId = :id", Long.class)
                .setParameter("id", instanceId)
                .getSingleResult();
        return last == null ? 0 : last;
    }
}
