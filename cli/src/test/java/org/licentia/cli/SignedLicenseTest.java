package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.DocumentSignature;
import org.licentia.client.document.SignatureBatch;

/** The signer works on Java values, the CLI on parsed JSON: both must reach the same canonical bytes. */
class SignedLicenseTest {

    /** Stands in for the server's signing key. */
    static final class Signer {
        final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
        final String publicKey =
                Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());

        String sign(Map<String, ?> document) {
            return signBytes(CanonicalJson.encode(document));
        }

        /** A lease document's signature, as a batch of one (its batch path is empty). */
        String signAlone(Map<String, ?> document) {
            return signBytes(
                    SignatureBatch.signedMessage(SignatureBatch.rootOf(CanonicalJson.encode(document), List.of())));
        }

        private String signBytes(byte[] message) {
            Ed25519Signer signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(message, 0, message.length);
            return Base64.getEncoder().encodeToString(signer.generateSignature());
        }
    }

    static Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("number", "11554731");
        document.put("account", "Example User 1");
        document.put("product", "LICENTIA-SERVER");
        document.put("features", List.of("sso", "audit"));
        document.put("seats", 20L);
        document.put("expires", "2027-12-31");
        document.put("perpetual", false);
        document.put("limits", Map.of("activations", 5L, "note", "quote \" and ü"));
        return document;
    }

    /** The same document as a server would write it: another member order, spacing and a null member. */
    static final String DOCUMENT_JSON = """
            { "seats": 20, "account": "Example User 1", "supportExpires": null,
              "features": ["sso", "audit"], "expires": "2027-12-31", "perpetual": false,
              "limits": {"note": "quote \\" and \\u00fc", "activations": 5},
              "product": "LICENTIA-SERVER", "number": "11554731" }""";

    private final Signer signer = new Signer();

    @Test
    void parsedJsonVerifiesAgainstTheSignatureOfTheJavaDocument() {
        String signature = signer.sign(document());
        Map<String, Object> parsed = SignedLicense.toMap((JsonObject) Json.parse(DOCUMENT_JSON));
        assertEquals(20L, parsed.get("seats"));
        assertFalse(parsed.containsKey("supportExpires"));
        assertTrue(DocumentSignature.verify(parsed, signature, signer.publicKey));
    }

    @Test
    void aTamperedDocumentDoesNotVerify() {
        String signature = signer.sign(document());
        Map<String, Object> tampered =
                SignedLicense.toMap((JsonObject) Json.parse(DOCUMENT_JSON.replace("\"seats\": 20", "\"seats\": 200")));
        assertFalse(DocumentSignature.verify(tampered, signature, signer.publicKey));
        Map<String, Object> extended =
                SignedLicense.toMap((JsonObject) Json.parse(DOCUMENT_JSON.replace("null", "\"2030-01-01\"")));
        assertFalse(DocumentSignature.verify(extended, signature, signer.publicKey));
    }

    @Test
    void readsTheServersAnswerAndRefusesFractions() {
        String answer = "{\"license\":{\"number\":\"11554731\"},\"document\":" + DOCUMENT_JSON
                + ",\"signature\":{\"algorithm\":\"Ed25519\",\"keyId\":\"k1\",\"value\":\"" + signer.sign(document())
                + "\"}}";
        SignedLicense license = SignedLicense.from((JsonObject) Json.parse(answer));
        assertEquals("11554731", license.number());
        assertEquals("k1", license.keyId());
        assertTrue(license.isSignedBy(signer.publicKey));
        assertFalse(license.isSignedBy(new Signer().publicKey));

        assertThrows(
                IllegalArgumentException.class, () -> SignedLicense.toMap((JsonObject) Json.parse("{\"seats\":20.5}")));
        assertThrows(
                IllegalArgumentException.class, () -> SignedLicense.from((JsonObject) Json.parse("{\"license\":{}}")));
    }
}
