package org.licentia.seats.boundary;

import java.time.Instant;
import org.licentia.seats.entity.SeatLease;

/** A lease as clients and administrators see it; {@code heartbeatSeconds} is how often to renew it. */
public record LeaseView(
        String id,
        String license,
        String product,
        String client,
        String host,
        String user,
        String tokenName,
        Instant reservedAt,
        Instant expiresAt,
        long heartbeatSeconds,
        boolean borrowed) {

    static LeaseView of(SeatLease l, String product, long heartbeatSeconds) {
        return new LeaseView(
                l.id(),
                l.license(),
                product,
                l.client(),
                l.host(),
                l.user(),
                l.tokenName(),
                l.reservedAt(),
                l.expiresAt(),
                heartbeatSeconds,
                l.borrowed());
    }
}
