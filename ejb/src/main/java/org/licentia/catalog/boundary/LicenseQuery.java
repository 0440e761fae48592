package org.licentia.catalog.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A filtered, paged listing of licenses; null filters match everything. */
public record LicenseQuery(
        @Size(max = 200) String account,

        @Pattern(regexp = "active|revoked", message = "must be active or revoked")
        String state,

        @Size(max = 64) String product,
        @Min(0) @Max(1_000_000) int page,
        @Min(1) @Max(500) int size) {

    public static final int DEFAULT_SIZE = 50;
}
