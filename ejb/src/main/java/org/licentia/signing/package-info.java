/**
 * The server's signatures: Ed25519 (Bouncy Castle) over canonical document bytes, with key IDs so
 * keys can rotate. Private keys never leave the server and are stored only sealed under the master key.
 */
package org.licentia.signing;
