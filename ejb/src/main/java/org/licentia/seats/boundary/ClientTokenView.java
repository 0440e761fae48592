package org.licentia.seats.boundary;

import java.time.Instant;

/** A client token as listed: never its secret. */
public record ClientTokenView(String name, Instant createdAt, String createdBy, Instant revokedAt) {}
