package org.licentia.signing.boundary;

import java.time.Instant;

/** A verification key as clients download it: raw 32-byte Ed25519 public key. */
public record PublicKey(String keyId, String algorithm, byte[] publicKey, Instant createdAt, boolean active) {}
