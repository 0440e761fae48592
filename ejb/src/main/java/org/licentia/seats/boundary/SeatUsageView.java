package org.licentia.seats.boundary;

import java.time.Instant;

/** One license's seat events in one hour. */
public record SeatUsageView(
        String license,
        Instant hour,
        long reservations,
        long releases,
        long expiries,
        long borrows,
        long revocations,
        long ended,
        long denials) {}
