package org.licentia.returns.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Publisher side: a return request as processed, kept by its request ID with the signed response,
 * so the same request always gets the same answer (a lost response can be fetched or made again)
 * and frees its licenses once.
 */
@Entity
@Table(
        name = "return_receipt",
        uniqueConstraints = @UniqueConstraint(name = "uk_return_receipt", columnNames = "request_id"))
public class ReturnReceipt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, length = 36)
    private String requestId;

    @Column(name = "instance_id", nullable = false, length = 64)
    private String instanceId;

    /** {@code RETURNED} or {@code CANCELLED}. */
    @Column(nullable = false, length = 16)
    private String outcome;

    /** The licenses the request named, comma-separated: who may read the receipt follows their accounts. */
    @Column(name = "requested_licenses", nullable = false, length = 1_000_000)
    private String requestedLicenses;

    @Column(name = "license_count", nullable = false)
    private int licenseCount;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    @Column(name = "processed_by", nullable = false, length = 320)
    private String processedBy;

    /** The signed response file. */
    @Column(nullable = false, length = 1_000_000)
    private String response;

    protected ReturnReceipt() {}

    public ReturnReceipt(
            String requestId,
            String instanceId,
            String outcome,
            List<String> requestedLicenses,
            int licenseCount,
            String processedBy,
            Instant processedAt,
            String response) {
        this.requestId = requestId;
        this.instanceId = instanceId;
        this.outcome = outcome;
        this.requestedLicenses = String.join(",", requestedLicenses);
        this.licenseCount = licenseCount;
        this.processedBy = processedBy;
        this.processedAt = processedAt;
        this.response = response;
    }

    public String requestId() {
        return requestId;
    }

    public String instanceId() {
        return instanceId;
    }

    public String outcome() {
        return outcome;
    }

    public List<String> requestedLicenses() {
        return requestedLicenses.isEmpty() ? List.of() : Arrays.asList(requestedLicenses.split(","));
    }

    public int licenseCount() {
        return licenseCount;
    }

    public Instant processedAt() {
        return processedAt;
    }

    public String processedBy() {
        return processedBy;
    }

    public String response() {
        return response;
    }
}
