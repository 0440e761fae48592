package org.licentia.catalog.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A user to add with one first role; account is required for every role but publisher-admin. */
public record NewUser(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String password,
        @Size(max = 200) String account,

        @NotBlank
        @Pattern(
                regexp = "license-manager|deputy-license-manager|viewer|publisher-admin",
                message = "must be license-manager, deputy-license-manager, viewer or publisher-admin")
        String role) {}
