package org.licentia.client.activation;

/** A computer key that does not grant what it is offered for; {@link #reason()} says why. */
public class InvalidComputerKeyException extends RuntimeException {

    public enum Reason {
        /** Not a computer key at all, most likely mistyped; the cause says which symbol or that the check failed. */
        MALFORMED,
        /** A computer key of a format this library does not know. */
        UNSUPPORTED_VERSION,
        /** Signed with a key that is not among the publisher keys the application trusts. */
        UNKNOWN_PUBLISHER_KEY,
        /** Not signed for this activation key and computer ID: altered, or issued for another computer. */
        BAD_SIGNATURE,
        /**
         * A compact key grants features by their place in the product's feature catalog, and the
         * application's catalog is not the one the key was issued with (or none was given).
         */
        FEATURE_CATALOG_MISMATCH
    }

    private final Reason reason;

    InvalidComputerKeyException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
