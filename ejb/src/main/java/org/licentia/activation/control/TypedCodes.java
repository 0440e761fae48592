package org.licentia.activation.control;

import java.util.Map;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.InvalidDeactivationCodeException;
import org.licentia.client.activation.MalformedCodeException;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Reads the codes people type with the client library's own parsers, so the server refuses exactly
 * what the client would, with the same message saying which symbol is wrong.
 */
public final class TypedCodes {

    private TypedCodes() {}

    public static ActivationKey activationKey(String typed) {
        return parse("activationKey", "activation key", typed, ActivationKey::parse);
    }

    public static ComputerId computerId(String typed) {
        return parse("computerId", "computer ID", typed, ComputerId::parse);
    }

    public static DeactivationCode deactivationCode(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new LicensingException(ErrorCode.INVALID_INPUT, "dvc is required", Map.of("dvc", "is required"));
        }
        if (typed.length() > 1000) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "dvc is too long to be a deactivation code",
                    Map.of("dvc", "at most 1000 characters"));
        }
        try {
            return DeactivationCode.parse(typed);
        } catch (InvalidDeactivationCodeException e) {
            throw invalidCode(e);
        }
    }

    public static LicensingException invalidCode(InvalidDeactivationCodeException e) {
        return new LicensingException(
                ErrorCode.INVALID_DEACTIVATION_CODE,
                "Deactivation code refused: " + e.getMessage(),
                Map.of("reason", e.reason().name()));
    }

    private static <T> T parse(String field, String name, String typed, java.util.function.Function<String, T> parser) {
        if (typed == null || typed.isBlank()) {
            throw new LicensingException(ErrorCode.INVALID_INPUT, field + " is required", Map.of(field, "is required"));
        }
        if (typed.length() > 200) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    field + " is too long to be a " + name,
                    Map.of(field, "at most 200 characters"));
        }
        try {
            return parser.apply(typed);
        } catch (MalformedCodeException e) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Not a valid " + name + ": " + e.getMessage(),
                    Map.of(field, e.getMessage(), "problem", e.problem().name()));
        }
    }
}
