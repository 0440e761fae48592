package org.licentia.returns.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * On-prem side: a return of every license this instance hosted, from its request to the
 * publisher's answer. While one is {@link State#PENDING} its licenses give nothing new, and only the
 * publisher's signed answer ends it: the publisher may have freed them already.
 */
@Entity
@Table(
        name = "license_return",
        uniqueConstraints = @UniqueConstraint(name = "uk_license_return", columnNames = "request_id"))
public class LicenseReturn {

    public enum State {
        PENDING,
        RETURNED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, length = 36)
    private String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false, length = 320)
    private String requestedBy;

    /** The signed request file, as the publisher gets it (the same bytes on every retry). */
    @Column(nullable = false, length = 1_000_000)
    private String request;

    /** The license numbers in the request, comma-separated. */
    @Column(nullable = false, length = 1_000_000)
    private String licenses;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by", length = 320)
    private String resolvedBy;

    /** The publisher's signed answer that ended it. */
    @Column(length = 1_000_000)
    private String response;

    /** License files up to this serial are void once the return is done: they held the returned licenses. */
    @Column(name = "voids_file_serial")
    private Long voidsFileSerial;

    protected LicenseReturn() {}

    public LicenseReturn(String requestId, String request, List<String> licenses, String requestedBy, Instant now) {
        this.requestId = requestId;
        this.request = request;
        this.licenses = String.join(",", licenses);
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.state = State.PENDING;
    }

    /** The publisher's answer: {@code returned} frees the licenses for good, otherwise the return is cancelled. */
    public void resolve(boolean returned, String response, long voidsFileSerial, String actor, Instant now) {
        this.state = returned ? State.RETURNED : State.CANCELLED;
        this.response = response;
        this.voidsFileSerial = returned ? voidsFileSerial : null;
        this.resolvedBy = actor;
        this.resolvedAt = now;
    }

    public String requestId() {
        return requestId;
    }

    public State state() {
        return state;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String request() {
        return request;
    }

    public List<String> licenses() {
        return licenses.isEmpty() ? List.of() : Arrays.asList(licenses.split(","));
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public String response() {
        return response;
    }

    public Long voidsFileSerial() {
        return voidsFileSerial;
    }
}
