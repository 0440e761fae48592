package org.licentia.hosts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * On-prem side: a host of the licensed product, as it last reported itself, and the license whose
 * quota it counts against. It counts while its reports keep coming; one that stopped reporting is
 * kept (for the list) but counts no more, and must be admitted again when it comes back.
 */
@Entity
@Table(
        name = "reported_host",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_reported_host",
                        columnNames = {"product", "host_id"}))
public class ReportedHost {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "host_id", nullable = false, length = 128)
    private String hostId;

    @Column(nullable = false, length = 64)
    private String product;

    @Column(name = "license_number", nullable = false, length = 8)
    private String licenseNumber;

    @Column(name = "cpu_sockets", nullable = false)
    private int cpuSockets;

    @Column(name = "first_reported_at", nullable = false)
    private Instant firstReportedAt;

    @Column(name = "last_reported_at", nullable = false)
    private Instant lastReportedAt;

    @Column(name = "reported_by", nullable = false, length = 200)
    private String reportedBy;

    protected ReportedHost() {}

    public ReportedHost(
            String hostId, String product, String licenseNumber, int cpuSockets, String reportedBy, Instant now) {
        this.hostId = hostId;
        this.product = product;
        this.firstReportedAt = now;
        admit(licenseNumber, cpuSockets, reportedBy, now);
    }

    /** Counted (again) against {@code licenseNumber}. */
    public void admit(String licenseNumber, int cpuSockets, String reportedBy, Instant now) {
        this.licenseNumber = licenseNumber;
        this.cpuSockets = cpuSockets;
        this.reportedBy = reportedBy;
        this.lastReportedAt = now;
    }

    public boolean countsAt(Instant cutoff) {
        return lastReportedAt.isAfter(cutoff);
    }

    public String hostId() {
        return hostId;
    }

    public String product() {
        return product;
    }

    public String licenseNumber() {
        return licenseNumber;
    }

    public int cpuSockets() {
        return cpuSockets;
    }

    public Instant firstReportedAt() {
        return firstReportedAt;
    }

    public Instant lastReportedAt() {
        return lastReportedAt;
    }

    public String reportedBy() {
        return reportedBy;
    }
}
