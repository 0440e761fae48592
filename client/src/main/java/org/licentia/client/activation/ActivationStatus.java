package org.licentia.client.activation;

/** Where an activation stands on the publisher's server. */
public enum ActivationStatus {
    /** In use on the computer; its computer key is good. */
    ACTIVE,
    /** Given up by the computer with a {@link DeactivationCode}. */
    DEACTIVATED,
    /** Released by the publisher's staff without a deactivation code, e.g. for a computer that was lost. */
    REVOKED,
    /** The server has no activation of this activation key for this computer. */
    NOT_ACTIVATED
}
