package org.licentia.signing.boundary;

import java.util.List;
import java.util.Map;

/**
 * A document with its detached signature: over {@code canonical}, the document's canonical bytes,
 * or, when {@code batchPath} is not null, over the root of a signature batch that the path leads to
 * from the document (see {@link org.licentia.client.document.SignatureBatch}).
 */
public record SignedDocument(
        Map<String, Object> document,
        byte[] canonical,
        String algorithm,
        String keyId,
        byte[] signature,
        List<String> batchPath) {

    public SignedDocument(
            Map<String, Object> document, byte[] canonical, String algorithm, String keyId, byte[] signature) {
        this(document, canonical, algorithm, keyId, signature, null);
    }
}
