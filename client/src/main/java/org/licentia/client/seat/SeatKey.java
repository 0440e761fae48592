package org.licentia.client.seat;

import java.time.Instant;

/**
 * One of the server's signature keys, as {@code GET /api/v1/seats/keys} lists it. Keys that are no
 * longer {@code active} sign nothing new but still check the leases they signed before.
 *
 * @param publicKey the 32 raw bytes of the Ed25519 public key, Base64-encoded
 */
public record SeatKey(String keyId, String algorithm, String publicKey, Instant createdAt, boolean active) {}
