package org.licentia.catalog.entity;

import java.time.LocalDate;
import java.util.Map;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * The commercial terms of a license, checked as a whole: amounts are never negative and no date
 * comes before the start.
 *
 * @param expires null for a perpetual license
 * @param supportExpires null when support has no end date
 */
public record LicenseTerms(
        int seats,
        QuotaMetric quotaMetric,
        int quota,
        LocalDate starts,
        LocalDate expires,
        LocalDate supportExpires,
        int maxActivations) {

    public LicenseTerms {
        if (quotaMetric == null || starts == null) {
            throw new LicensingException(ErrorCode.INVALID_INPUT, "A license needs a quota metric and a start date");
        }
        requireNotNegative("seats", seats);
        requireNotNegative("quota", quota);
        requireNotNegative("maxActivations", maxActivations);
        if (expires != null && expires.isBefore(starts)) {
            throw new LicensingException(
                    ErrorCode.EXPIRY_BEFORE_START,
                    "Expiry " + expires + " is before the start " + starts,
                    Map.of("starts", starts.toString(), "expires", expires.toString()));
        }
        if (supportExpires != null && supportExpires.isBefore(starts)) {
            throw new LicensingException(
                    ErrorCode.EXPIRY_BEFORE_START,
                    "Support expiry " + supportExpires + " is before the start " + starts,
                    Map.of("starts", starts.toString(), "supportExpires", supportExpires.toString()));
        }
    }

    private static void requireNotNegative(String field, int value) {
        if (value < 0) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    field + " must not be negative, was " + value,
                    Map.of(field, "must be greater than or equal to 0"));
        }
    }
}
