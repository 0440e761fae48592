package org.licentia.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.Length;

/**
 * On-prem side: a license registered on this instance, as the publisher's signed registration
 * document describes it. The document and its signature are kept, so the instance can always
 * show where its terms came from.
 */
@Entity
@Table(
        name = "hosted_license",
        uniqueConstraints = @UniqueConstraint(name = "uk_hosted_license", columnNames = "license_number"))
public class HostedLicense {

    public enum SyncStatus {
        /** Confirmed by the publisher at the last sync or registration. */
        VALID,
        /** The publisher could not be asked (network or server error); kept with its last known terms. */
        UNCERTAIN
    }

    /** From a sequence in blocks of 50, so that thousands of rows written in one change go in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hosted_license_seq")
    @SequenceGenerator(name = "hosted_license_seq", sequenceName = "hosted_license_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(name = "license_number", nullable = false, length = 8)
    private String number;

    @Column(nullable = false)
    private HostedTerms terms;

    // Unbounded and in the row (bytea on PostgreSQL); @Lob would make it a PostgreSQL large object,
    // which a deleted row leaves behind (migration V4). The same for the other documents and texts.
    @Column(nullable = false, length = Length.LONG32)
    private byte[] document;

    @Column(name = "key_id", nullable = false, length = 32)
    private String keyId;

    @Column(nullable = false, length = 100)
    private String signature;

    @Enumerated(EnumType.STRING)
    @Column(name = "sync_status", nullable = false, length = 16)
    private SyncStatus status;

    @Column(name = "uncertain_since")
    private Instant uncertainSince;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "registered_by", nullable = false, length = 320)
    private String registeredBy;

    @Column(name = "validated_at", nullable = false)
    private Instant validatedAt;

    /** {@link #ONLINE} or {@link #LICENSE_FILE}; sync and online registration touch only the online ones. */
    @Column(nullable = false, length = 16)
    private String source = ONLINE;

    /** The serial of the license file it came from, for {@link #LICENSE_FILE}. */
    @Column(name = "file_serial")
    private Long fileSerial;

    /** The pending return that holds it: it gives nothing new until the publisher answers. */
    @Column(name = "return_request", length = 36)
    private String returnRequest;

    public static final String ONLINE = "ONLINE";
    public static final String LICENSE_FILE = "LICENSE_FILE";
    /** From the license preloaded on a hardware key: usable while the key is in (or its buffer lasts). */
    public static final String HARDWARE_KEY = "HARDWARE_KEY";

    protected HostedLicense() {}

    /** A license from a license file: valid until its own expiry, never asked about in a sync. */
    public static HostedLicense fromFile(
            String number,
            HostedTerms terms,
            byte[] document,
            String keyId,
            String signature,
            long serial,
            String appliedBy,
            Instant now) {
        HostedLicense h = new HostedLicense(number, terms, document, keyId, signature, appliedBy, now);
        h.source = LICENSE_FILE;
        h.fileSerial = serial;
        return h;
    }

    /** A newer license file carries it again: take the file's terms and document. */
    public void confirmFromFile(
            HostedTerms newTerms, byte[] newDocument, String newKeyId, String newSignature, long serial, Instant now) {
        confirm(newTerms, newDocument, newKeyId, newSignature, now);
        this.fileSerial = serial;
    }

    /** A file's license that came from a hardware key ({@link #HARDWARE_KEY}) rather than an upload. */
    public void comesFrom(String fileSource) {
        if (!LICENSE_FILE.equals(fileSource) && !HARDWARE_KEY.equals(fileSource)) {
            throw new IllegalArgumentException(fileSource);
        }
        this.source = fileSource;
    }

    public boolean isFromFile() {
        return LICENSE_FILE.equals(source);
    }

    public String source() {
        return source;
    }

    public Long fileSerial() {
        return fileSerial;
    }

    public HostedLicense(
            String number,
            HostedTerms terms,
            byte[] document,
            String keyId,
            String signature,
            String registeredBy,
            Instant now) {
        this.number = number;
        this.registeredAt = now;
        this.registeredBy = registeredBy;
        confirm(terms, document, keyId, signature, now);
    }

    /** The publisher confirmed the license: take its current terms and document. */
    public void confirm(HostedTerms newTerms, byte[] newDocument, String newKeyId, String newSignature, Instant now) {
        this.terms = newTerms;
        this.document = newDocument.clone();
        this.keyId = newKeyId;
        this.signature = newSignature;
        this.status = SyncStatus.VALID;
        this.uncertainSince = null;
        this.validatedAt = now;
    }

    /** The publisher could not be asked: keep everything, remember since when it is unconfirmed. */
    public void markUncertain(Instant now) {
        if (status != SyncStatus.UNCERTAIN) {
            status = SyncStatus.UNCERTAIN;
            uncertainSince = now;
        }
    }

    public void holdForReturn(String requestId) {
        this.returnRequest = requestId;
    }

    /** The publisher cancelled the return: the license is usable again. */
    public void releaseFromReturn() {
        this.returnRequest = null;
    }

    public boolean isReturnPending() {
        return returnRequest != null;
    }

    public boolean isExpiredOn(LocalDate day) {
        return terms.expires() != null && terms.expires().isBefore(day);
    }

    public String number() {
        return number;
    }

    public HostedTerms terms() {
        return terms;
    }

    public byte[] document() {
        return document.clone();
    }

    public String keyId() {
        return keyId;
    }

    public String signature() {
        return signature;
    }

    public SyncStatus status() {
        return status;
    }

    public Instant uncertainSince() {
        return uncertainSince;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant validatedAt() {
        return validatedAt;
    }
}
