package org.licentia.seats.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A client's request for a seat: of one license, or of any hosted license of a product (with a
 * feature). {@code days} only for borrowing.
 */
public record SeatRequest(
        @Pattern(regexp = "\\d{8}", message = "must be an 8-digit license number")
        String license,

        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a product code")
        String product,

        @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be printable")
        String feature,

        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be printable")
        String client,

        @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be printable")
        String host,

        @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be printable")
        String user,

        @Min(1) @Max(3650) Integer days) {}
