package org.licentia.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.Length;

/** The record of one sync with the publisher: when, how long, how it ended, and each license's outcome (JSON). */
@Entity
@Table(name = "sync_report", indexes = @Index(name = "ix_sync_report_started", columnList = "started_at"))
public class SyncReport {

    /** From a sequence in blocks of 50, so that thousands of rows written in one change go in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sync_report_seq")
    @SequenceGenerator(name = "sync_report_seq", sequenceName = "sync_report_seq", allocationSize = 50)
    private Long id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(nullable = false, length = 32)
    private String outcome;

    @Column(name = "triggered_by", nullable = false, length = 32)
    private String trigger;

    @Column(nullable = false, length = Length.LONG32)
    private String licenses;

    protected SyncReport() {}

    public SyncReport(Instant startedAt, long durationMs, String outcome, String trigger, String licenses) {
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.outcome = outcome;
        this.trigger = trigger;
        this.licenses = licenses;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMs() {
        return durationMs;
    }

    public String outcome() {
        return outcome;
    }

    public String trigger() {
        return trigger;
    }

    public String licenses() {
        return licenses;
    }
}
