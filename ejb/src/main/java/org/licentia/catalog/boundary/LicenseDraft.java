package org.licentia.catalog.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A new license as a client asks for it. Left out: number (one is generated), product (the only
 * one, if the catalog has one), edition (the product's default), quota metric (seats), quota (the
 * seat amount), start (today), expiry (the edition's longest term, or none), max activations (the
 * seat amount).
 */
public record LicenseDraft(
        String number,
        @NotBlank @Size(max = 200) String account,
        @Size(max = 64) String product,
        @Size(max = 64) String edition,
        @NotNull @PositiveOrZero @Max(10_000_000) Integer seats,

        @Pattern(regexp = "seats|hosts|cpu-sockets", message = "must be seats, hosts or cpu-sockets")
        String quotaMetric,

        @PositiveOrZero @Max(10_000_000) Integer quota,
        @Size(max = 10) String starts,
        @Size(max = 10) String expires,
        @Size(max = 10) String supportExpires,
        @PositiveOrZero @Max(10_000_000) Integer maxActivations) {}
