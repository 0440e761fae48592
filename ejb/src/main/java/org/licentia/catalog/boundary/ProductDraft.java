package org.licentia.catalog.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A product with its editions, as the publisher defines it; exactly one edition is the default.
 * {@code isDefault} makes it the product of licenses that name none (the first product always is).
 */
public record ProductDraft(
        @NotBlank
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,63}", message = "must be 2 to 64 upper-case letters, digits or '-'")
        String code,

        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid EditionDraft> editions,
        boolean isDefault) {

    /**
     * @param maxSeats largest seat amount or quota of a license of this edition; null for no limit
     * @param maxTermDays longest term in days; null for no limit
     */
    public record EditionDraft(
            @NotBlank
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,63}", message = "must be upper-case letters, digits or '-'")
            String code,

            @NotBlank @Size(max = 200) String name,
            @Positive @Max(10_000_000) Integer maxSeats,
            @Positive @Max(36_500) Integer maxTermDays,
            boolean isDefault,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> features) {}
}
