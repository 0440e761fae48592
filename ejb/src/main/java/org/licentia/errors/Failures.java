package org.licentia.errors;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns whatever a use case threw into the catalogue's terms, for both facades. Unexpected
 * failures are logged here with their stack trace and reach the client only as INTERNAL_ERROR.
 */
public final class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    private Failures() {}

    public static LicensingException translate(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof LicensingException known) {
                return known;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException) {
                return new LicensingException(
                        ErrorCode.FORBIDDEN, "Not allowed: sign in with a user that has a role for this");
            }
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException) {
                return new LicensingException(
                        ErrorCode.CONCURRENT_MODIFICATION,
                        "Someone else changed this at the same time; read it again and retry");
            }
            if (t instanceof JsonbException || t instanceof JsonException) {
                return new LicensingException(
                        ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON of the expected shape");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (!(failure instanceof EJBException) || failure.getCause() != null) {
            LOG.log(Level.SEVERE, "Unexpected failure", failure);
        }
        return new LicensingException(ErrorCode.INTERNAL_ERROR, "The server could not complete the request");
    }
}
