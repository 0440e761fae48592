package org.licentia.client.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

class SignatureBatchTest {

    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    private final String publicKey =
            Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());

    private static List<byte[]> documents(int count) {
        List<byte[]> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(("{\"lease\":\"96023021.l" + i + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return documents;
    }

    private String sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    @Test
    void everyDocumentOfEveryBatchSizeLeadsToTheSignedRoot() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> documents = documents(size);
            SignatureBatch.Tree tree = SignatureBatch.of(documents);
            String signature = sign(SignatureBatch.signedMessage(tree.root()));
            int longest = 32 - Integer.numberOfLeadingZeros(size - 1);
            for (int i = 0; i < size; i++) {
                List<String> path = tree.paths().get(i);
                assertArrayEquals(
                        tree.root(), SignatureBatch.rootOf(documents.get(i), path), "size " + size + ", document " + i);
                assertTrue(
                        SignatureBatch.verify(documents.get(i), path, signature, publicKey),
                        "size " + size + ", document " + i);
                assertTrue(path.size() <= longest, "size " + size + ": a path of " + path.size() + " steps");
            }
        }
        assertEquals(List.of(), SignatureBatch.of(documents(1)).paths().get(0), "a batch of one needs no path");
    }

    @Test
    void aDocumentWithAnotherDocumentsPathOrAChangedByteFails() {
        List<byte[]> documents = documents(7);
        SignatureBatch.Tree tree = SignatureBatch.of(documents);
        String signature = sign(SignatureBatch.signedMessage(tree.root()));
        for (int i = 0; i < documents.size(); i++) {
            for (int j = 0; j < documents.size(); j++) {
                if (i != j) {
                    assertFalse(
                            SignatureBatch.verify(documents.get(i), tree.paths().get(j), signature, publicKey),
                            i + " with " + j + "'s path");
                }
            }
            byte[] changed = documents.get(i).clone();
            for (int b = 0; b < changed.length; b++) {
                changed[b] ^= 1;
                assertFalse(
                        SignatureBatch.verify(changed, tree.paths().get(i), signature, publicKey),
                        "document " + i + ", byte " + b);
                changed[b] ^= 1;
            }
            List<String> shortened =
                    tree.paths().get(i).subList(0, tree.paths().get(i).size() - 1);
            assertFalse(SignatureBatch.verify(documents.get(i), shortened, signature, publicKey), "a step left out");
        }
    }

    @Test
    void anInnerNodeCannotPassForADocument() {
        List<byte[]> documents = documents(4);
        SignatureBatch.Tree tree = SignatureBatch.of(documents);
        String signature = sign(SignatureBatch.signedMessage(tree.root()));
        // The two halves of the tree, as if they were a document and its one-step path.
        byte[] left = SignatureBatch.of(documents.subList(0, 2)).root();
        byte[] right = SignatureBatch.of(documents.subList(2, 4)).root();
        List<String> path = List.of("R:" + Base64.getEncoder().encodeToString(right));
        assertFalse(SignatureBatch.verify(left, path, signature, publicKey));
    }

    @Test
    void aBatchSignatureIsNoDocumentSignatureAndTheReverse() {
        byte[] document = documents(1).get(0);
        String documentSignature = sign(document);
        assertFalse(SignatureBatch.verify(document, List.of(), documentSignature, publicKey));
        String batchSignature = sign(SignatureBatch.signedMessage(
                SignatureBatch.of(List.of(document)).root()));
        assertFalse(DocumentSignature.verify(document, batchSignature, publicKey));
    }

    @Test
    void malformedStepsFailTheCheckAndNeverThrowFromIt() {
        byte[] document = documents(1).get(0);
        String hash = Base64.getEncoder().encodeToString(new byte[32]);
        String signature = sign(SignatureBatch.signedMessage(
                SignatureBatch.of(List.of(document)).root()));
        for (String step : new String[] {
            "",
            "L",
            "L:",
            "X:" + hash,
            "L-" + hash,
            "L:not base64!",
            "L:" + Base64.getEncoder().encodeToString(new byte[31])
        }) {
            assertFalse(SignatureBatch.verify(document, List.of(step), signature, publicKey), step);
            assertThrows(IllegalArgumentException.class, () -> SignatureBatch.rootOf(document, List.of(step)), step);
        }
        assertThrows(IllegalArgumentException.class, () -> SignatureBatch.of(List.of()));
    }
}
