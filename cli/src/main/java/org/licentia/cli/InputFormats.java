package org.licentia.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.ComputerKey;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.InvalidComputerKeyException;
import org.licentia.client.activation.InvalidDeactivationCodeException;
import org.licentia.client.activation.MalformedCodeException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The formats the server would reject anyway, checked on the command line so that a typo costs no
 * round trip and gets a usage error (exit 2) naming the value.
 */
final class InputFormats {

    static final List<String> ROLES = List.of("license-manager", "deputy-license-manager", "viewer", "publisher-admin");
    static final String PUBLISHER_ADMIN = "publisher-admin";
    static final List<String> QUOTA_METRICS = List.of("seats", "hosts", "cpu-sockets");
    static final List<String> LICENSE_STATES = List.of("active", "revoked");

    private InputFormats() {}

    static final class LicenseNumber implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches("[0-9]{8}")) {
                throw new TypeConversionException("License number must be 8 digits: " + value);
            }
            return value;
        }
    }

    /** Dates stay strings: the server wants them exactly as YYYY-MM-DD, which LocalDate also checks is a real day. */
    static final class Day implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                    LocalDate.parse(value);
                    return value;
                }
            } catch (DateTimeParseException notADay) {
                // Reported below, with the same message as a wrong format.
            }
            throw new TypeConversionException("Date must be YYYY-MM-DD: " + value);
        }
    }

    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below.
            }
            throw new TypeConversionException("Must be a whole number, 0 or more: " + value);
        }
    }

    /** Borrowing for no day at all is no borrowing; the server's maximum is checked by the server. */
    static final class Days implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int days = Integer.parseInt(value);
                if (days >= 1) {
                    return days;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below.
            }
            throw new TypeConversionException("Days must be a whole number, 1 or more: " + value);
        }
    }

    static final class Role implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return oneOf("Role", ROLES, value);
        }
    }

    static final class QuotaMetric implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return oneOf("Quota metric", QUOTA_METRICS, value);
        }
    }

    static final class LicenseState implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return oneOf("License state", LICENSE_STATES, value);
        }
    }

    /** The codes of node-locked activation carry a check symbol, so a typo is named here, before any server is asked. */
    static final class TypedActivationKey implements ITypeConverter<ActivationKey> {
        @Override
        public ActivationKey convert(String value) {
            try {
                return ActivationKey.parse(value);
            } catch (MalformedCodeException e) {
                throw new TypeConversionException("not an activation key: " + e.getMessage());
            }
        }
    }

    static final class TypedComputerId implements ITypeConverter<ComputerId> {
        @Override
        public ComputerId convert(String value) {
            try {
                return ComputerId.parse(value);
            } catch (MalformedCodeException e) {
                throw new TypeConversionException("not a computer ID: " + e.getMessage());
            }
        }
    }

    /** Only the form: whether the key is the publisher's and for this computer is checked when it is used. */
    static final class TypedComputerKey implements ITypeConverter<ComputerKey> {
        @Override
        public ComputerKey convert(String value) {
            try {
                return ComputerKey.parse(value);
            } catch (InvalidComputerKeyException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TypedDeactivationCode implements ITypeConverter<DeactivationCode> {
        @Override
        public DeactivationCode convert(String value) {
            try {
                return DeactivationCode.parse(value);
            } catch (InvalidDeactivationCodeException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A publisher's Ed25519 public key as {@code GET /api/v1/keys} lists it: 32 raw bytes, Base64. */
    static final class PublicKey implements ITypeConverter<byte[]> {
        @Override
        public byte[] convert(String value) {
            try {
                byte[] key = Base64.getDecoder().decode(value.strip());
                if (key.length == 32) {
                    return key;
                }
            } catch (IllegalArgumentException notBase64) {
                // Reported below.
            }
            throw new TypeConversionException(
                    "Public key must be the 32 bytes of an Ed25519 key in Base64, as 'GET /api/v1/keys' " + "lists it: "
                            + value);
        }
    }

    /** For picocli's {@code ${COMPLETION-CANDIDATES}} in help texts. */
    static final class Roles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ROLES.iterator();
        }
    }

    static final class QuotaMetrics implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return QUOTA_METRICS.iterator();
        }
    }

    static final class LicenseStates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LICENSE_STATES.iterator();
        }
    }

    private static String oneOf(String what, List<String> allowed, String value) {
        if (!allowed.contains(value)) {
            throw new TypeConversionException(what + " must be one of " + String.join(", ", allowed) + ": " + value);
        }
        return value;
    }
}
