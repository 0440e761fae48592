package org.licentia.seats.boundary;

import java.time.Instant;

/** A client token just made: the only time its value is shown. */
public record NewClientToken(String name, String token, Instant createdAt, String createdBy) {}
