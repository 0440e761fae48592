/**
 * Node-locked activation from the computer's side, offline: the codes people type and the keys
 * behind them, formats described in {@code docs/activation-formats.md}.
 *
 * <p>Every code ({@link org.licentia.client.activation.ActivationKey},
 * {@link org.licentia.client.activation.ComputerId},
 * {@link org.licentia.client.activation.DeactivationCode}) is typeable and ends in a check symbol
 * that catches every single mistyped symbol and every swap of neighbours before anything is sent.
 * An {@link org.licentia.client.activation.Installation} holds the Ed25519 key that a computer ID
 * names and that alone can sign a deactivation code; nothing here talks to a server, so the server
 * uses the same classes to check what it receives.
 */
package org.licentia.client.activation;
