package org.licentia.status.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * On-prem side: one webhook delivery of an alert's start or end, kept until the receiver took it
 * (a 2xx answer) or every attempt failed, so neither a restart nor a receiver that is down loses one.
 */
@Entity
@Table(name = "alert_notification")
public class AlertNotification {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "alert_id", nullable = false)
    private Long alertId;

    @Column(nullable = false, length = 16)
    private String event;

    @Column(nullable = false, length = 4000)
    private String payload;

    @Column(nullable = false, length = 16)
    private String state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "last_error", length = 300)
    private String lastError;

    protected AlertNotification() {}

    public AlertNotification(Long alertId, String event, String payload, Instant now) {
        this.alertId = alertId;
        this.event = event;
        this.payload = payload;
        this.state = PENDING;
        this.nextAttemptAt = now;
    }

    public void delivered(Instant now) {
        attempts++;
        state = DELIVERED;
        deliveredAt = now;
        lastError = null;
    }

    /** A failed attempt: the next waits twice as long as the one before (up to an hour), until none are left. */
    public void failed(String error, Instant now, Duration firstDelay, int maxAttempts) {
        attempts++;
        lastError = error.length() <= 300 ? error : error.substring(0, 300);
        if (attempts >= maxAttempts) {
            state = FAILED;
            return;
        }
        Duration wait = firstDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
    }

    public Long id() {
        return id;
    }

    public Long alertId() {
        return alertId;
    }

    public String event() {
        return event;
    }

    public String payload() {
        return payload;
    }

    public String state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }
}
