package org.licentia.client.activation;

/**
 * This computer may not use the license under the activation key it was asked about;
 * {@link #reason()} says why, and the message says it to the user.
 */
public class InvalidActivationException extends RuntimeException {

    public enum Reason {
        /** No computer key is stored for the activation key: never activated here, or deactivated. */
        NOT_ACTIVATED,
        /** The computer key was made for another computer: the installation directory was copied, or the machine changed. */
        OTHER_COMPUTER,
        /** The computer key is signed with a key that is not among the publisher keys the application trusts. */
        UNKNOWN_PUBLISHER_KEY,
        /** The stored computer key is damaged or altered, or was not issued for this activation key. */
        BAD_SIGNATURE,
        /** The activation's last day has passed. */
        EXPIRED,
        /**
         * The computer key belongs to an activation this installation gave up (deactivated here, or
         * found deactivated or revoked on the server); only a new activation, with a new ID, is taken.
         */
        DEACTIVATED,
        /** The clock shows a time before one already seen, or before the computer key was issued: it was set back. */
        CLOCK_ROLLED_BACK
    }

    private final Reason reason;

    InvalidActivationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
