package org.licentia.client.activation;

/**
 * The activation was given up on this computer (its computer key is gone) but the server did not
 * confirm it: it could not be reached, or refused (see the cause). The {@link #deactivationCode()}
 * is the only proof left that frees the activation's slot, so it must reach the user, who can hand
 * it to the publisher or enter it on the self-help page.
 */
public class DeactivationNotDeliveredException extends RuntimeException {

    private final DeactivationCode deactivationCode;

    DeactivationNotDeliveredException(DeactivationCode deactivationCode, RuntimeException cause) {
        super(
                "the activation was given up on this computer, but the server did not confirm it (" + cause.getMessage()
                        + "); give the deactivation code to the publisher instead: " + deactivationCode,
                cause);
        this.deactivationCode = deactivationCode;
    }

    public DeactivationCode deactivationCode() {
        return deactivationCode;
    }
}
