package org.licentia.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.licentia.catalog.boundary.LicenseDraft;
import org.licentia.catalog.boundary.NewUser;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/** The command constraints, checked with Hibernate Validator as the server does. */
class InputValidationTest {

    private final InputValidation validation = new InputValidation();

    {
        validation.validators = Validation.buildDefaultValidatorFactory();
        validation.init();
    }

    @Test
    void reportsEveryBrokenFieldAtOnce() {
        LicenseDraft draft = new LicenseDraft(null, " ", null, null, -4, "cores", null, null, null, null, null);
        LicensingException e = assertThrows(LicensingException.class, () -> validation.require(draft));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals(3, e.details().size(), e.details().toString());
        assertEquals("must be seats, hosts or cpu-sockets", e.details().get("quotaMetric"));
    }

    @Test
    void acceptsAMinimalDraftAndRefusesNoBody() {
        validation.require(new LicenseDraft(null, "Example User", null, null, 20, null, null, null, null, null, null));
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(LicensingException.class, () -> validation.require(null))
                        .code());
        assertEquals(
                ErrorCode.INVALID_INPUT,
                assertThrows(
                                LicensingException.class,
                                () -> validation.require(new NewUser("not-an-email", "secret-123", "A", "owner")))
                        .code());
    }
}
