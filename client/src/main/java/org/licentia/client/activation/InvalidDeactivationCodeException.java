package org.licentia.client.activation;

/** A deactivation code that does not prove the deactivation it is offered for; {@link #reason()} says why. */
public class InvalidDeactivationCodeException extends RuntimeException {

    public enum Reason {
        /** Not a deactivation code at all, most likely mistyped; the cause is the {@link MalformedCodeException}. */
        MALFORMED,
        /** A deactivation code of a format this library does not know. */
        UNSUPPORTED_VERSION,
        /** Signed by another installation than the one the activation's computer ID names. */
        OTHER_COMPUTER,
        /** The signature does not cover this activation and computer ID: forged, altered, or made for another activation. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    InvalidDeactivationCodeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
