package org.licentia.activation.boundary;

/** The answer to an activation: the activation with its computer key, and whether it is new (or the computer's existing one). */
public record IssuedActivation(ActivationView activation, boolean created) {}
