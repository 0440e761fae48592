package org.licentia.catalog.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The complete set of roles a user should hold on one account (or, with no account, as publisher staff). */
public record RoleAssignment(
        @Size(max = 200) String account,

        @NotNull @Size(max = 4)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "license-manager|deputy-license-manager|viewer|publisher-admin",
                                message = "must be license-manager, deputy-license-manager, viewer or publisher-admin")
                        String>
                roles) {}
