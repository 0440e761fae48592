package org.licentia.hosts.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A host of the licensed product reporting itself: its ID, its physical CPU sockets, and the product. */
public record HostReport(
        @NotBlank
        @Size(max = 128)
        @Pattern(regexp = "[A-Za-z0-9._:@-]+", message = "must be a host ID (letters, digits, . _ : @ -)")
        String hostId,

        @NotNull @Min(1) @Max(1024) Integer cpuSockets,

        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a product code")
        String product) {}
