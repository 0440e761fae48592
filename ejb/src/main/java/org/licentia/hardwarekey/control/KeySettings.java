package org.licentia.hardwarekey.control;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Instance settings of hardware-key licensing, MicroProfile Config keys read when used (so a
 * change through the management interface takes effect at once). A setting out of range is
 * refused by name, never rounded into range.
 */
public final class KeySettings {

    public static final String LIBRARY = "licentia.hardware-key.pkcs11-library";
    public static final String ENVIRONMENT = "licentia.hardware-key.pkcs11-environment";
    public static final String BUFFER_DAYS = "licentia.hardware-key.buffer-days";
    public static final String SCAN_INTERVAL = "licentia.hardware-key.scan-interval";

    static final int DEFAULT_BUFFER_DAYS = 7;
    static final int MAX_BUFFER_DAYS = 3650;
    static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofSeconds(10);

    private KeySettings() {}

    private static Optional<String> value(String key) {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue(key, String.class)
                .map(String::strip);
    }

    /** The PKCS#11 module, when this instance uses hardware keys at all. */
    public static Optional<String> library() {
        return value(LIBRARY).filter(s -> !s.isEmpty());
    }

    public static String requireLibrary() {
        return library()
                .orElseThrow(() -> new LicensingException(
                        ErrorCode.HARDWARE_KEYS_NOT_CONFIGURED,
                        "This instance reads no hardware keys: set " + LIBRARY
                                + " to the PKCS#11 module of the keys (see the README)"));
    }

    /**
     * Variables the module reads from its environment ({@code NAME=VALUE;NAME=VALUE}): SoftHSM2's
     * {@code SOFTHSM2_CONF}, or a vendor module's configuration path.
     */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        String value = value(ENVIRONMENT).orElse("");
        if (value.isEmpty()) {
            return env;
        }
        for (String entry : value.split(";")) {
            int eq = entry.indexOf('=');
            if (eq < 1 || !entry.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw misconfigured(ENVIRONMENT, "NAME=VALUE entries separated by ';'");
            }
            env.put(entry.substring(0, eq).strip(), entry.substring(eq + 1));
        }
        return env;
    }

    /** How long the licensing stays usable once the key is removed or in fault: whole days, 0 to 3650. */
    public static int bufferDays() {
        String value = value(BUFFER_DAYS).orElse(null);
        if (value == null) {
            return DEFAULT_BUFFER_DAYS;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 0 && days <= MAX_BUFFER_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw misconfigured(BUFFER_DAYS, "a whole number of days from 0 to " + MAX_BUFFER_DAYS);
    }

    /** When the buffer license that started at {@code degradedSince} ends. */
    public static Instant bufferEndsAt(Instant degradedSince) {
        return degradedSince.plus(Duration.ofDays(bufferDays()));
    }

    /** How often each node reads its slots: PT1S to PT1H, default PT10S. */
    public static Duration scanInterval() {
        String value = value(SCAN_INTERVAL).orElse(null);
        if (value == null) {
            return DEFAULT_SCAN_INTERVAL;
        }
        try {
            Duration d = Duration.parse(value.strip());
            if (d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(Duration.ofHours(1)) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw misconfigured(SCAN_INTERVAL, "an ISO-8601 duration from PT1S to PT1H");
    }

    /** This node's name: the ha profile's node name, so both nodes of a pair report apart. */
    public static String nodeName() {
        return System.getProperty("jboss.node.name", "node");
    }

    private static LicensingException misconfigured(String setting, String expected) {
        return new LicensingException(
                ErrorCode.HARDWARE_KEYS_NOT_CONFIGURED,
                "The setting " + setting + " is not " + expected + ": correct it on the server",
                Map.of(setting, expected));
    }
}
