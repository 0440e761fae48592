package org.licentia.activation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Map;
import org.licentia.catalog.entity.License;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * One computer's use of a node-locked license. While {@link ActivationState#ACTIVE} it takes one of
 * the license's {@code maxActivations} slots; it ends once, by a deactivation code or by staff, and
 * never becomes active again (a computer that comes back gets a new activation).
 */
@Entity
@Table(
        name = "activation",
        uniqueConstraints = @UniqueConstraint(name = "uk_activation_dvc", columnNames = "deactivation_code_id"),
        indexes = {
            @Index(name = "ix_activation_license", columnList = "license_id, state, computer_id"),
            @Index(name = "ix_activation_installation", columnList = "installation_fingerprint"),
            @Index(name = "ix_activation_deactivated", columnList = "license_id, deactivated_at")
        })
public class Activation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activation_seq")
    // Generous blocks: fetching the next block serialises every insert of the server behind one lock.
    @SequenceGenerator(name = "activation_seq", sequenceName = "activation_seq", allocationSize = 500)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "license_id")
    private License license;

    @Column(name = "computer_id", nullable = false, length = 40)
    private String computerId;

    /** The installation-key part of the computer ID, by which a deactivation code finds its activation. */
    @Column(name = "installation_fingerprint", nullable = false, length = 20)
    private String installationFingerprint;

    @Column(name = "computer_name", length = 200)
    private String computerName;

    /** The optional fields given at activation, as a JSON object. */
    @Column(length = 4000)
    private String fields;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActivationState state;

    @Column(name = "activated_at", nullable = false)
    private Instant activatedAt;

    @Column(name = "activated_by", nullable = false, length = 320)
    private String activatedBy;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "deactivated_by", length = 320)
    private String deactivatedBy;

    /** The ID of the deactivation code that ended it: a code works once. */
    @Column(name = "deactivation_code_id", length = 64)
    private String deactivationCodeId;

    protected Activation() {}

    public Activation(
            License license,
            String computerId,
            String installationFingerprint,
            String computerName,
            String fields,
            String activatedBy,
            Instant now) {
        this.license = license;
        this.computerId = computerId;
        this.installationFingerprint = installationFingerprint;
        this.computerName = computerName;
        this.fields = fields;
        this.activatedBy = activatedBy;
        this.state = ActivationState.ACTIVE;
        this.activatedAt = now;
    }

    /**
     * Ends the activation with the proof of a deactivation code. {@code when} is the server's time of
     * receipt, not the time the code states: the daily limit on deactivations counts what the server
     * saw, which a computer's clock cannot move.
     */
    public void deactivate(String codeId, Instant when, String by) {
        requireActive();
        this.state = ActivationState.DEACTIVATED;
        this.deactivationCodeId = codeId;
        this.deactivatedAt = when;
        this.deactivatedBy = by;
    }

    /** Ends the activation without proof, on the publisher staff's word. */
    public void revoke(Instant now, String by) {
        requireActive();
        this.state = ActivationState.REVOKED;
        this.deactivatedAt = now;
        this.deactivatedBy = by;
    }

    private void requireActive() {
        if (state != ActivationState.ACTIVE) {
            throw new LicensingException(
                    ErrorCode.ACTIVATION_ALREADY_DEACTIVATED,
                    "Activation " + id + " was already " + state.name().toLowerCase() + " at " + deactivatedAt,
                    Map.of("activationId", String.valueOf(id), "status", state.name()));
        }
    }

    public Long id() {
        return id;
    }

    public License license() {
        return license;
    }

    public String computerId() {
        return computerId;
    }

    public String installationFingerprint() {
        return installationFingerprint;
    }

    public String computerName() {
        return computerName;
    }

    public String fields() {
        return fields;
    }

    public ActivationState state() {
        return state;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public String activatedBy() {
        return activatedBy;
    }

    public Instant deactivatedAt() {
        return deactivatedAt;
    }

    public String deactivatedBy() {
        return deactivatedBy;
    }
}
