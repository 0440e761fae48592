package org.licentia.client.seat;

import jakarta.json.Json;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.licentia.client.document.CanonicalJson;
import org.licentia.client.document.SignatureBatch;

/** The server's side of lease signing, for tests: a fresh Ed25519 key and answers shaped as docs/seats.md shows them. */
final class LeaseSigner {

    final String keyId;
    private final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    final String publicKey =
            Base64.getEncoder().encodeToString(key.generatePublicKey().getEncoded());

    LeaseSigner(String keyId) {
        this.keyId = keyId;
    }

    SeatKey seatKey() {
        return new SeatKey(keyId, "Ed25519", publicKey, Instant.parse("2026-11-01T00:00:00Z"), true);
    }

    String keysJson() {
        return Json.createObjectBuilder()
                .add(
                        "keys",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("keyId", keyId)
                                        .add("algorithm", "Ed25519")
                                        .add("publicKey", publicKey)
                                        .add("createdAt", "2026-11-01T00:00:00Z")
                                        .add("active", true)))
                .build()
                .toString();
    }

    /** A batch signature and this document's path in the batch. */
    record BatchSignature(String value, List<String> path) {}

    /** Signs the document in a batch with two other documents, as a busy server would. */
    BatchSignature sign(Map<String, Object> document) {
        List<byte[]> batch = List.of(
                CanonicalJson.encode(Map.of("other", "before")),
                CanonicalJson.encode(document),
                CanonicalJson.encode(Map.of("other", "after")));
        SignatureBatch.Tree tree = SignatureBatch.of(batch);
        byte[] message = SignatureBatch.signedMessage(tree.root());
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return new BatchSignature(
                Base64.getEncoder().encodeToString(signer.generateSignature()),
                tree.paths().get(1));
    }

    /** A signed answer for a lease of license {@code 96023021}'s product {@code qt}. */
    String answer(String leaseId, String client, Instant expiresAt, int heartbeatSeconds, boolean borrowed) {
        Map<String, Object> document = document(leaseId, client, expiresAt, borrowed);
        return answer(view(leaseId, client, expiresAt, heartbeatSeconds, borrowed), document, sign(document));
    }

    String answer(Map<String, Object> view, Map<String, Object> document, BatchSignature signature) {
        return Json.createObjectBuilder()
                .add("lease", Json.createObjectBuilder(view))
                .add("document", Json.createObjectBuilder(document))
                .add(
                        "signature",
                        Json.createObjectBuilder()
                                .add("algorithm", "Ed25519")
                                .add("keyId", keyId)
                                .add("value", signature.value())
                                .add("batchPath", Json.createArrayBuilder(signature.path())))
                .build()
                .toString();
    }

    static Map<String, Object> view(
            String leaseId, String client, Instant expiresAt, int heartbeatSeconds, boolean borrowed) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", leaseId);
        view.put("license", license(leaseId));
        view.put("product", "qt");
        view.put("client", client);
        view.put("host", "ws-17");
        view.put("user", "alice");
        view.put("tokenName", "cad-floor-2");
        view.put("reservedAt", time(expiresAt.minusSeconds(600)));
        view.put("expiresAt", time(expiresAt));
        view.put("heartbeatSeconds", heartbeatSeconds);
        view.put("borrowed", borrowed);
        return view;
    }

    static Map<String, Object> document(String leaseId, String client, Instant expiresAt, boolean borrowed) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "seat-lease");
        document.put("lease", leaseId);
        document.put("license", license(leaseId));
        document.put("product", "qt");
        document.put("features", List.of("designer", "export"));
        document.put("client", client);
        document.put("host", "ws-17");
        document.put("user", "alice");
        document.put("tokenName", "cad-floor-2");
        document.put("reservedAt", time(expiresAt.minusSeconds(600)));
        document.put("instance", "6f1c2e0a-4b7d-4c1e-9a55-0d3b7e2f8c11");
        document.put("issuedAt", time(expiresAt.minusSeconds(600)));
        document.put("expiresAt", time(expiresAt));
        document.put("borrowed", borrowed);
        return document;
    }

    /** Lease ids start with their license number, as the server makes them. */
    private static String license(String leaseId) {
        return leaseId.substring(0, leaseId.indexOf('.'));
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
