package org.licentia.catalog.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A change to a license's terms; a field left null stays as it is. */
public record LicenseChange(
        @Size(max = 64) String edition,
        @PositiveOrZero @Max(10_000_000) Integer seats,

        @Pattern(regexp = "seats|hosts|cpu-sockets", message = "must be seats, hosts or cpu-sockets")
        String quotaMetric,

        @PositiveOrZero @Max(10_000_000) Integer quota,
        @Size(max = 10) String expires,
        @Size(max = 10) String supportExpires,
        @PositiveOrZero @Max(10_000_000) Integer maxActivations) {}
