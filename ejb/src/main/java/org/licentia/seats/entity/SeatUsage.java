package org.licentia.seats.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** How a license's seats were used in one hour, for reporting: counts per kind of event. */
@Entity
@Table(
        name = "seat_usage",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_seat_usage",
                        columnNames = {"license_number", "usage_hour"}))
public class SeatUsage {

    /** The events counted, in the order of {@link #add}'s array. */
    public enum Event {
        RESERVED,
        RELEASED,
        EXPIRED,
        BORROWED,
        REVOKED,
        ENDED,
        DENIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "license_number", nullable = false, length = 8)
    private String license;

    @Column(name = "usage_hour", nullable = false)
    private Instant hour;

    private long reservations;
    private long releases;
    private long expiries;
    private long borrows;
    private long revocations;
    private long ended;
    private long denials;

    protected SeatUsage() {}

    public SeatUsage(String license, Instant hour) {
        this.license = license;
        this.hour = hour;
    }

    /** Adds counts indexed by {@link Event#ordinal()}. */
    public void add(long[] counts) {
        reservations += counts[Event.RESERVED.ordinal()];
        releases += counts[Event.RELEASED.ordinal()];
        expiries += counts[Event.EXPIRED.ordinal()];
        borrows += counts[Event.BORROWED.ordinal()];
        revocations += counts[Event.REVOKED.ordinal()];
        ended += counts[Event.ENDED.ordinal()];
        denials += counts[Event.DENIED.ordinal()];
    }

    public String license() {
        return license;
    }

    public Instant hour() {
        return hour;
    }

    public long reservations() {
        return reservations;
    }

    public long releases() {
        return releases;
    }

    public long expiries() {
        return expiries;
    }

    public long borrows() {
        return borrows;
    }

    public long revocations() {
        return revocations;
    }

    public long ended() {
        return ended;
    }

    public long denials() {
        return denials;
    }
}
