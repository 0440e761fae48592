package org.licentia.client.seat;

/**
 * A lease answer that cannot be trusted: its signature does not verify, it was signed by a key the
 * server does not list, its signed document is for another lease, license or client than the answer
 * says, or it carries no signed document at all. The lease it describes is not handed out.
 */
public class LeaseSignatureException extends RuntimeException {

    public LeaseSignatureException(String message) {
        super(message);
    }
}
