package org.licentia.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.Failures;
import org.licentia.errors.LicensingException;

class ErrorMappingTest {

    @Test
    void everyCodeHasAStatusAndOnlyInternalErrorsAre5xx() {
        for (ErrorCode code : ErrorCode.values()) {
            int status = HttpStatuses.of(code);
            assertTrue(status >= 400 && status < 600, code + " -> " + status);
            assertEquals(code.isServerSide(), status >= 500, code + " -> " + status);
        }
        assertEquals(404, HttpStatuses.of(ErrorCode.LICENSE_NOT_FOUND));
        assertEquals(409, HttpStatuses.of(ErrorCode.LICENSE_NUMBER_TAKEN));
        assertEquals(400, HttpStatuses.of(ErrorCode.EXPIRY_BEFORE_START));
        assertEquals(413, HttpStatuses.of(ErrorCode.PAYLOAD_TOO_LARGE));
        assertEquals(401, HttpStatuses.of(ErrorCode.UNAUTHENTICATED));
        assertEquals(403, HttpStatuses.of(ErrorCode.FORBIDDEN));
        assertEquals(502, HttpStatuses.of(ErrorCode.UPSTREAM_UNAVAILABLE));
    }

    @Test
    void problemBodiesCarryTheCodeAndTheDetails() {
        Problem p = Problem.of(
                new LicensingException(
                        ErrorCode.LICENSE_NOT_FOUND, "License 12345678 does not exist", Map.of("number", "12345678")),
                404);
        assertEquals("LICENSE_NOT_FOUND", p.code());
        assertEquals("https://licentia.org/problems/license-not-found", p.type());
        assertEquals("License not found", p.title());
        assertEquals("12345678", p.details().get("number"));
        assertNull(Problem.of(new LicensingException(ErrorCode.FORBIDDEN, "no"), 403)
                .details());
    }

    @Test
    void failuresAreTranslatedWithoutLeakingInternals() {
        LicensingException known = new LicensingException(ErrorCode.LICENSE_REVOKED, "revoked");
        assertEquals(known, Failures.translate(new EJBException(new RuntimeException(known))));
        assertEquals(
                ErrorCode.FORBIDDEN,
                Failures.translate(new EJBAccessException("WFLYEJB0364")).code());
        assertEquals(
                ErrorCode.CONCURRENT_MODIFICATION,
                Failures.translate(new EJBException(new OptimisticLockException()))
                        .code());
        assertEquals(
                ErrorCode.MALFORMED_REQUEST,
                Failures.translate(new JsonbException("Unexpected char")).code());
        LicensingException internal = Failures.translate(new NullPointerException("secret.internal.Class"));
        assertEquals(ErrorCode.INTERNAL_ERROR, internal.code());
        assertTrue(!internal.getMessage().contains("secret"), internal.getMessage());
    }
}
