package org.licentia.catalog.control;

import java.security.SecureRandom;
import java.util.Map;
import java.util.regex.Pattern;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/** License numbers are eight digits, as customers quote them ("11554731"). */
public final class LicenseNumbers {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private LicenseNumbers() {}

    public static String requireValid(String number) {
        if (number == null || !FORMAT.matcher(number).matches()) {
            throw new LicensingException(
                    ErrorCode.INVALID_LICENSE_NUMBER,
                    "A license number is exactly 8 digits, got '" + abbreviate(number) + "'",
                    Map.of("number", "8 digits"));
        }
        return number;
    }

    /** A fresh number with no leading zero, so it reads the same wherever it is stored as a number. */
    public static String next() {
        return Integer.toString(10_000_000 + RANDOM.nextInt(90_000_000));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
