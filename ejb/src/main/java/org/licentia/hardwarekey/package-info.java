/**
 * Hardware (USB) key licensing (seed 002): a PKCS#11 token with a key pair made on it and the
 * license preloaded. Publisher side: {@code HardwareKeys} binds a key's ID to its public key and
 * makes license files bound to the key. Instance side: every node reads its slots ({@code
 * SlotReader}, in a child process), proves each key by a challenge ({@code NodeKeys}), reports what
 * it holds, and the status across the nodes follows the seed's table ({@code KeyStatus}); {@code
 * HardwareKeyLicensing} installs a key's license ("Synchronize") and {@code KeyGate} stops new
 * seats, hosts and activations once the buffer license has run out.
 */
package org.licentia.hardwarekey;
