package org.licentia.web.rest;

import java.util.Map;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Whole-number query parameters, read as text so a typo gets a typed 400 instead of the 404 that
 * JAX-RS gives an unconvertible {@code int} parameter.
 */
final class QueryNumbers {

    private QueryNumbers() {}

    static int parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    name + " must be a whole number, got '" + value + "'",
                    Map.of(name, "a whole number"));
        }
    }
}
