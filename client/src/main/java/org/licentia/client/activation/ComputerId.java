package org.licentia.client.activation;

import java.util.Arrays;

/**
 * What a node-locked activation is bound to: 8 bytes of the {@link MachineFacts} fingerprint and
 * 10 bytes of the SHA-256 of the {@link Installation}'s public key, shown as 30 symbols in six
 * groups of five, the last one a check symbol (see {@link TypeableCode}).
 *
 * <p>The machine part ties the ID to the computer, so a copied installation directory does not
 * carry an activation to another one; the key part lets a publisher check, offline, that a
 * {@link DeactivationCode} was signed by the installation that activated: finding another Ed25519
 * key with the same 80-bit fingerprint is out of reach.
 */
public final class ComputerId {

    static final int FACTS_BYTES = 8;
    static final int KEY_BYTES = 10;
    static final int BYTES = FACTS_BYTES + KEY_BYTES;

    private final byte[] bytes;

    private ComputerId(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A computer ID as typed or received, in any case, with or without hyphens; what the server
     * checks before it records an activation.
     *
     * @throws MalformedCodeException when it is not a computer ID, saying which symbol is wrong or
     *     that the check symbol does not match
     */
    public static ComputerId parse(String typed) {
        return new ComputerId(TypeableCode.decode(typed, BYTES));
    }

    /** The ID of the computer this JVM runs on, for {@code installation}; see {@link MachineFacts#ofThisMachine()}. */
    public static ComputerId ofThisMachine(Installation installation) {
        return of(MachineFacts.ofThisMachine(), installation);
    }

    public static ComputerId of(MachineFacts facts, Installation installation) {
        return of(facts, installation.publicKey());
    }

    static ComputerId of(MachineFacts facts, byte[] publicKey) {
        byte[] bytes = new byte[BYTES];
        System.arraycopy(facts.fingerprint(), 0, bytes, 0, FACTS_BYTES);
        System.arraycopy(Sha256.of(publicKey), 0, bytes, FACTS_BYTES, KEY_BYTES);
        return new ComputerId(bytes);
    }

    /**
     * The part of the ID that names the installation key (10 bytes, hex): what a
     * {@link DeactivationCode} is matched on, since it carries the key but not the ID.
     */
    public String installationFingerprint() {
        return java.util.HexFormat.of().formatHex(bytes, FACTS_BYTES, BYTES);
    }

    static String installationFingerprintOf(byte[] publicKey) {
        return java.util.HexFormat.of().formatHex(Sha256.of(publicKey), 0, KEY_BYTES);
    }

    /** True when {@code publicKey} is the installation key this ID was made with. */
    boolean isOfKey(byte[] publicKey) {
        return Arrays.equals(bytes, FACTS_BYTES, BYTES, Sha256.of(publicKey), 0, KEY_BYTES);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** The canonical form: upper case, grouped, e.g. {@code 0YCQH-F2B6H-MY9MG-2VMDA-X4MZH-1KDRJ}. */
    @Override
    public String toString() {
        return TypeableCode.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ComputerId id && Arrays.equals(id.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
