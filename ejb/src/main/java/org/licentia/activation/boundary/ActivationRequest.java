package org.licentia.activation.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A request to activate a node-locked license on one computer. The activation key and the computer
 * ID are checked by the client library's parsers; the optional name and fields are what the
 * publisher's staff see in the activation list.
 */
public record ActivationRequest(
        String activationKey,
        String computerId,

        @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be printable")
        String computerName,

        @Size(max = 20, message = "at most 20 fields")
        Map<
                        @Size(min = 1, max = 50)
                        @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be letters, digits, '.', '_' or '-'")
                        String,
                        @NotNull @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be printable")
                        String>
                fields) {

    public ActivationRequest {
        fields = fields == null ? Map.of() : fields;
        computerName = computerName == null || computerName.isBlank() ? null : computerName.strip();
    }
}
