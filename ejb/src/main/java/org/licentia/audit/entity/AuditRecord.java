package org.licentia.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.Length;

/** One licensing record: who changed what, when, through which channel, from which state to which. */
@Entity
@Table(
        name = "audit_record",
        indexes = {
            @Index(name = "ix_audit_item", columnList = "item_type,item_id"),
            @Index(name = "ix_audit_recorded", columnList = "recorded_at")
        })
public class AuditRecord {

    /** From a sequence in blocks of 50, so that thousands of rows written in one change go in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false, length = 320)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    /** What the client said it is (its User-Agent); a claim, never the channel. */
    @Column(name = "client_claim", length = 200)
    private String clientClaim;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "item_type", nullable = false, length = 32)
    private String itemType;

    @Column(name = "item_id", nullable = false, length = 320)
    private String itemId;

    @Column(name = "state_before", length = Length.LONG32)
    private String before;

    @Column(name = "state_after", length = Length.LONG32)
    private String after;

    protected AuditRecord() {}

    public AuditRecord(
            Instant recordedAt,
            String actor,
            Channel channel,
            String clientClaim,
            String action,
            String itemType,
            String itemId,
            String before,
            String after) {
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.channel = channel;
        this.clientClaim = clientClaim;
        this.action = action;
        this.itemType = itemType;
        this.itemId = itemId;
        this.before = before;
        this.after = after;
    }

    public String clientClaim() {
        return clientClaim;
    }

    public Long id() {
        return id;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String actor() {
        return actor;
    }

    public Channel channel() {
        return channel;
    }

    public String action() {
        return action;
    }

    public String itemType() {
        return itemType;
    }

    public String itemId() {
        return itemId;
    }

    public String before() {
        return before;
    }

    public String after() {
        return after;
    }
}
