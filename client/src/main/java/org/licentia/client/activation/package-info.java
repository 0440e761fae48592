/**
 * Node-locked activation from the computer's side: the codes people type and the keys behind them
 * (formats in {@code docs/activation-formats.md}), and {@link org.licentia.client.activation.NodeLock},
 * which activates, validates and deactivates through them (rules in {@code docs/node-locked.md}).
 *
 * <p>Every code ({@link org.licentia.client.activation.ActivationKey},
 * {@link org.licentia.client.activation.ComputerId},
 * {@link org.licentia.client.activation.ComputerKey},
 * {@link org.licentia.client.activation.DeactivationCode}) is typeable and ends in a check symbol
 * that catches every single mistyped symbol and every swap of neighbours before anything is sent.
 * An {@link org.licentia.client.activation.Installation} holds the Ed25519 key that a computer ID
 * names and that alone can sign a deactivation code. The code classes never talk to a server, so the
 * server uses the same classes to check what it receives; only {@code NodeLock} does, and it keeps
 * a computer key only once it verified against the publisher's keys, this computer and the
 * activation key.
 */
package org.licentia.client.activation;
