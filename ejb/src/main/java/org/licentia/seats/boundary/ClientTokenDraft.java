package org.licentia.seats.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The name of a client token to make: the application or site it is for. */
public record ClientTokenDraft(
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]*", message = "must be letters, digits, space, . _ -")
        String name) {}
