package org.licentia.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.licentia.client.activation.ActivationKey;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

class CatalogFormatsTest {

    @Test
    void licenseNumbersAreExactlyEightDigits() {
        assertEquals("11554731", LicenseNumbers.requireValid("11554731"));
        for (String bad : new String[] {null, "", "1155473", "115547311", "1155473a", " 11554731", "１１５５４７３１"}) {
            LicensingException e = assertThrows(LicensingException.class, () -> LicenseNumbers.requireValid(bad));
            assertEquals(ErrorCode.INVALID_LICENSE_NUMBER, e.code());
        }
        for (int i = 0; i < 1000; i++) {
            String n = LicenseNumbers.next();
            assertTrue(n.matches("[1-9][0-9]{7}"), n);
        }
    }

    @Test
    void activationKeysAreGroupedUnambiguousAndChecked() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ActivationKeys.next();
            assertTrue(key.matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]"), key);
            assertTrue(key.length() <= 32, "fits the activation_key column");
            assertEquals(key, ActivationKey.parse(key.toLowerCase()).toString());
            assertTrue(seen.add(key));
        }
    }

    @Test
    void passwordsAreBcryptHashedInModularCryptForm() {
        String hash = Passwords.hash("licentia-admin");
        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertTrue(Passwords.matches("licentia-admin", hash));
        assertFalse(Passwords.matches("licentia-admiN", hash));
        assertFalse(hash.equals(Passwords.hash("licentia-admin")), "each hash has its own salt");
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(LicensingException.class, () -> Passwords.hash("short"))
                        .code());
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(LicensingException.class, () -> Passwords.hash("x".repeat(73)))
                        .code());
    }

    @Test
    void datesAreIsoOrATypedError() {
        assertEquals("2027-12-31", InputValidation.date("expires", "2027-12-31").toString());
        LicensingException e =
                assertThrows(LicensingException.class, () -> InputValidation.date("expires", "31.12.2027"));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("a date YYYY-MM-DD", e.details().get("expires"));
    }
}
