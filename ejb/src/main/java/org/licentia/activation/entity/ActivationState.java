package org.licentia.activation.entity;

/** Where an activation stands; only {@link #ACTIVE} takes a slot of its license. */
public enum ActivationState {
    ACTIVE,
    /** Given up by the computer, with a deactivation code as proof. */
    DEACTIVATED,
    /** Released by the publisher's staff without proof (a computer that was lost or replaced). */
    REVOKED
}
