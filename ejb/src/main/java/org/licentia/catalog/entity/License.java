package org.licentia.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * An entitlement: an account's right to use an edition of a product under {@link LicenseTerms}.
 * The license keeps its own rules: its terms always fit its edition, and a revoked license never
 * changes again.
 */
@Entity
@Table(
        name = "license",
        uniqueConstraints = @UniqueConstraint(name = "uk_license_number", columnNames = "license_number"),
        indexes = {
            @Index(name = "ix_license_owner", columnList = "owner_id"),
            @Index(name = "ix_license_activation_key", columnList = "activation_key")
        })
public class License {

    static final String ONLINE = "ONLINE";
    static final String LICENSE_FILE = "LICENSE_FILE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "license_number", nullable = false, length = 8)
    private String number;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private Account owner;

    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    @Column(nullable = false)
    private int seats;

    @Enumerated(EnumType.STRING)
    @Column(name = "quota_metric", nullable = false, length = 16)
    private QuotaMetric quotaMetric;

    @Column(nullable = false)
    private int quota;

    @Column(nullable = false)
    private LocalDate starts;

    private LocalDate expires;

    @Column(name = "support_expires")
    private LocalDate supportExpires;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LicenseState state;

    @Column(name = "revocation_reason", length = 500)
    private String revocationReason;

    @Column(name = "activation_key", nullable = false, length = 32)
    private String activationKey;

    @Column(name = "max_activations", nullable = false)
    private int maxActivations;

    /** The on-prem instance that hosts this license; a license is hosted by at most one. */
    @Column(name = "registered_instance", length = 64)
    private String registeredInstance;

    /** How that instance hosts it: {@code ONLINE} (registration) or {@code LICENSE_FILE}; a file's licenses are freed only by a return. */
    @Column(nullable = false, length = 16)
    private String hosting = ONLINE;

    /** The instance that hosted it last, kept after release: only that instance may claim it back in a sync. */
    @Column(name = "last_registered_instance", length = 64)
    private String lastRegisteredInstance;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected License() {}

    public License(
            String number, Account owner, Edition edition, LicenseTerms terms, String activationKey, Instant now) {
        this.number = number;
        this.owner = owner;
        this.product = edition.product();
        this.edition = edition;
        this.activationKey = activationKey;
        this.state = LicenseState.ACTIVE;
        this.createdAt = now;
        apply(edition, terms, now);
    }

    /** Changes edition and terms together, so they are checked against each other. */
    public void changeTerms(Edition newEdition, LicenseTerms newTerms, Instant now) {
        if (state == LicenseState.REVOKED) {
            throw new LicensingException(
                    ErrorCode.LICENSE_REVOKED, "License " + number + " is revoked and cannot be changed");
        }
        if (!newEdition.product().code().equals(product.code())) {
            throw new LicensingException(
                    ErrorCode.EDITION_NOT_FOUND,
                    "Edition " + newEdition.code() + " is not an edition of " + product.code());
        }
        apply(newEdition, newTerms, now);
    }

    public void revoke(String reason, Instant now) {
        if (state == LicenseState.REVOKED) {
            throw new LicensingException(ErrorCode.LICENSE_REVOKED, "License " + number + " is already revoked");
        }
        this.state = LicenseState.REVOKED;
        this.revocationReason = reason;
        this.updatedAt = now;
    }

    /**
     * Hosts this license on an on-prem instance. A license is hosted by at most one instance; only
     * an active, unexpired license can be registered.
     */
    public void registerTo(String instanceId, LocalDate today, Instant now) {
        if (instanceId.equals(registeredInstance)) {
            if (isHostedByFile()) {
                throw new LicensingException(
                        ErrorCode.LICENSE_REGISTERED_ELSEWHERE,
                        "License " + number + " is hosted by this instance through a license file;"
                                + " it can be registered online only after it is returned",
                        Map.of("number", number));
            }
            return;
        }
        requireRegistrable(today);
        registeredInstance = instanceId;
        lastRegisteredInstance = instanceId;
        hosting = ONLINE;
        updatedAt = now;
    }

    /**
     * Hosts this license on an instance through a license file: the same one-instance rule as
     * online registration, except that a license the same instance already holds through a file
     * goes into its next file again.
     */
    public void hostByFile(String instanceId, LocalDate today, Instant now) {
        if (instanceId.equals(registeredInstance) && isHostedByFile()) {
            return;
        }
        if (instanceId.equals(registeredInstance)) {
            throw new LicensingException(
                    ErrorCode.LICENSE_REGISTERED_ELSEWHERE,
                    "License " + number + " is registered online on this instance; deregister it there before"
                            + " putting it in a license file",
                    Map.of("number", number));
        }
        requireRegistrable(today);
        registeredInstance = instanceId;
        lastRegisteredInstance = instanceId;
        hosting = LICENSE_FILE;
        updatedAt = now;
    }

    public boolean isHostedByFile() {
        return registeredInstance != null && LICENSE_FILE.equals(hosting);
    }

    private void requireRegistrable(LocalDate today) {
        if (state == LicenseState.REVOKED) {
            throw new LicensingException(
                    ErrorCode.LICENSE_NOT_REGISTRABLE, "License " + number + " is revoked", Map.of("number", number));
        }
        if (expires != null && expires.isBefore(today)) {
            throw new LicensingException(
                    ErrorCode.LICENSE_NOT_REGISTRABLE,
                    "License " + number + " expired on " + expires,
                    Map.of("number", number));
        }
        if (registeredInstance != null) {
            throw new LicensingException(
                    ErrorCode.LICENSE_REGISTERED_ELSEWHERE,
                    "License " + number + " is registered on another instance; deregister it there first",
                    Map.of("number", number));
        }
    }

    /** True when the instance hosted this license last and nobody has taken it since. */
    public boolean isReclaimableBy(String instanceId) {
        return registeredInstance == null && instanceId.equals(lastRegisteredInstance);
    }

    /** Frees the license from the instance that hosts it, so it can be registered elsewhere. */
    public void release(Instant now) {
        registeredInstance = null;
        hosting = ONLINE;
        updatedAt = now;
    }

    /**
     * The instance that hosts this license gave it back, by a signed return request: it is free,
     * and unlike a release that instance cannot claim it back in a sync.
     */
    public void returnFrom(String instanceId, Instant now) {
        if (!instanceId.equals(registeredInstance)) {
            throw new IllegalStateException("license " + number + " is not hosted by " + instanceId);
        }
        registeredInstance = null;
        lastRegisteredInstance = null;
        hosting = ONLINE;
        updatedAt = now;
    }

    public boolean isExpiredOn(LocalDate day) {
        return expires != null && expires.isBefore(day);
    }

    private void apply(Edition e, LicenseTerms terms, Instant now) {
        e.maxSeats().ifPresent(max -> {
            if (terms.seats() > max || terms.quota() > max) {
                throw new LicensingException(
                        ErrorCode.EDITION_LIMIT_EXCEEDED,
                        "Edition " + e.name() + " allows at most " + max + " "
                                + terms.quotaMetric().id(),
                        Map.of("edition", e.code(), "max", String.valueOf(max)));
            }
        });
        e.maxTermDays().ifPresent(days -> {
            // valid through its expiry day: a 30-day license starting on the 1st ends on the 30th
            LocalDate latest = terms.starts().plusDays(days - 1L);
            if (terms.expires() == null || terms.expires().isAfter(latest)) {
                throw new LicensingException(
                        ErrorCode.EDITION_LIMIT_EXCEEDED,
                        "Edition " + e.name() + " runs at most " + days + " days: it must expire by " + latest,
                        Map.of("edition", e.code(), "latestExpiry", latest.toString()));
            }
        });
        this.edition = e;
        this.seats = terms.seats();
        this.quotaMetric = terms.quotaMetric();
        this.quota = terms.quota();
        this.starts = terms.starts();
        this.expires = terms.expires();
        this.supportExpires = terms.supportExpires();
        this.maxActivations = terms.maxActivations();
        this.updatedAt = now;
    }

    public LicenseTerms terms() {
        return new LicenseTerms(seats, quotaMetric, quota, starts, expires, supportExpires, maxActivations);
    }

    public String number() {
        return number;
    }

    public Account owner() {
        return owner;
    }

    public Product product() {
        return product;
    }

    public Edition edition() {
        return edition;
    }

    public LicenseState state() {
        return state;
    }

    public String revocationReason() {
        return revocationReason;
    }

    public String activationKey() {
        return activationKey;
    }

    public String registeredInstance() {
        return registeredInstance;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
