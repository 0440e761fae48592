package org.licentia.client.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One Ed25519 signature over many documents: the server signs the root of a SHA-256 hash tree of
 * the documents it signs at the same moment, and each document carries the path from its own leaf
 * to that root. Under load a seat server signs hundreds of lease documents a second, and one
 * signature per document would cost more than everything else a reservation does.
 *
 * <p>A leaf is {@code SHA-256(0x00 || canonical bytes)}, an inner node
 * {@code SHA-256(0x01 || left || right)}; the distinct prefixes keep a leaf from passing for a node.
 * The odd node of a level moves up unchanged. A path step is {@code "L:"} or {@code "R:"} (the side
 * the sibling is on) followed by the sibling's hash in Base64. The signature covers
 * {@value #MESSAGE_PREFIX} followed by the 32 bytes of the root: no canonical JSON document starts
 * with that prefix, so a batch signature can never pass for a plain document signature, or the
 * reverse. A batch of one has an empty path.
 */
public final class SignatureBatch {

    public static final String MESSAGE_PREFIX = "licentia-signature-batch-v1:";

    private static final byte LEAF = 0;
    private static final byte NODE = 1;
    private static final int HASH_SIZE = 32;

    private SignatureBatch() {}

    /** The root of a batch and, in the order of the documents, the path of each to it. */
    public record Tree(byte[] root, List<List<String>> paths) {}

    /** Builds the hash tree of the documents' canonical bytes (at least one). */
    public static Tree of(List<byte[]> canonicalDocuments) {
        if (canonicalDocuments.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one document");
        }
        int size = canonicalDocuments.size();
        List<List<String>> paths = new ArrayList<>(size);
        // Which node of the current level each document's path has reached.
        int[] position = new int[size];
        List<byte[]> level = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            level.add(leaf(canonicalDocuments.get(i)));
            paths.add(new ArrayList<>());
            position[i] = i;
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(node(level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                up.add(level.get(level.size() - 1));
            }
            for (int d = 0; d < size; d++) {
                int p = position[d];
                boolean left = p % 2 == 0;
                int sibling = left ? p + 1 : p - 1;
                if (sibling < level.size()) {
                    paths.get(d).add((left ? "R:" : "L:") + Base64.getEncoder().encodeToString(level.get(sibling)));
                }
                position[d] = p / 2;
            }
            level = up;
        }
        return new Tree(level.get(0), paths.stream().map(List::copyOf).toList());
    }

    /** The root that a document and its path lead to; fails on a path step that is not one. */
    public static byte[] rootOf(byte[] canonical, List<String> path) {
        byte[] hash = leaf(canonical);
        for (String step : path) {
            if (step == null
                    || step.length() < 3
                    || step.charAt(1) != ':'
                    || (step.charAt(0) != 'L' && step.charAt(0) != 'R')) {
                throw new IllegalArgumentException(
                        "a batch path step is \"L:\" or \"R:\" and a Base64 hash, not " + step);
            }
            byte[] sibling;
            try {
                sibling = Base64.getDecoder().decode(step.substring(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a batch path step's hash is not Base64: " + step);
            }
            if (sibling.length != HASH_SIZE) {
                throw new IllegalArgumentException(
                        "a batch path step's hash has " + sibling.length + " bytes, not " + HASH_SIZE);
            }
            hash = step.charAt(0) == 'L' ? node(sibling, hash) : node(hash, sibling);
        }
        return hash;
    }

    /** The bytes the batch's Ed25519 signature covers. */
    public static byte[] signedMessage(byte[] root) {
        byte[] prefix = MESSAGE_PREFIX.getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[prefix.length + root.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(root, 0, message, prefix.length, root.length);
        return message;
    }

    /** True only when the path leads from the document to a root that the signature covers. */
    public static boolean verify(byte[] canonical, List<String> path, String signatureBase64, String publicKeyBase64) {
        byte[] root;
        try {
            root = rootOf(canonical, path);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return DocumentSignature.verify(signedMessage(root), signatureBase64, publicKeyBase64);
    }

    private static byte[] leaf(byte[] canonical) {
        MessageDigest sha = sha256();
        sha.update(LEAF);
        return sha.digest(canonical);
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE);
        sha.update(left);
        return sha.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
