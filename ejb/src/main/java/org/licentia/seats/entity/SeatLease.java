package org.licentia.seats.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * One seat of a hosted license, held by one client identity until {@code expiresAt}. Immutable:
 * a renewal is a new value, written in the same atomic update of the license's {@link SeatPool}.
 *
 * @param id the lease's ID, {@code <license>.<random>}, so that the license is known from the ID alone
 * @param borrowed taken for offline use: needs no heartbeat and ends at {@code expiresAt} unless returned
 */
public record SeatLease(
        String id,
        String license,
        String client,
        String host,
        String user,
        String tokenName,
        Instant reservedAt,
        Instant expiresAt,
        boolean borrowed)
        implements Serializable {

    /** Who holds the lease: a client ID is unique only within its client token. */
    public static String holderKey(String tokenName, String client) {
        return tokenName + "\n" + client;
    }

    public String holderKey() {
        return holderKey(tokenName, client);
    }

    public boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public SeatLease renewedUntil(Instant until) {
        return new SeatLease(id, license, client, host, user, tokenName, reservedAt, until, borrowed);
    }

    public SeatLease borrowedUntil(Instant until) {
        return new SeatLease(id, license, client, host, user, tokenName, reservedAt, until, true);
    }

    /** The license number in a lease ID, or null when the ID cannot be one. */
    public static String licenseOf(String leaseId) {
        int dot = leaseId == null ? -1 : leaseId.indexOf('.');
        return dot == 8 ? leaseId.substring(0, 8) : null;
    }
}
