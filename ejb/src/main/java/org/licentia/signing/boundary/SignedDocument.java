package org.licentia.signing.boundary;

import java.util.Map;

/**
 * A document with its detached signature over {@code canonical}, the document's canonical bytes.
 */
public record SignedDocument(Map<String, Object> document, byte[] canonical, String algorithm, String keyId, byte[] signature) {
}
