package org.licentia.client.seat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseTest {

    private static final String LEASE = "96023021.q0VwXk3";
    private static final Instant EXPIRES = Instant.parse("2026-11-22T14:10:00Z");

    private final LeaseSigner signer = new LeaseSigner("2026-11");
    private final List<SeatKey> keys = List.of(signer.seatKey());

    private Lease parse(String answer) {
        return Lease.parse(answer, keys);
    }

    private String answer(Map<String, Object> view, Map<String, Object> document) {
        return signer.answer(view, document, signer.sign(document));
    }

    @Test
    void readsEveryMemberOfTheAnswer() {
        String answer = signer.answer(LEASE, "alice@ws-17/4711", EXPIRES, 200, false);
        Lease lease = parse(answer);
        assertEquals(LEASE, lease.id());
        assertEquals("96023021", lease.license());
        assertEquals("qt", lease.product());
        assertEquals("alice@ws-17/4711", lease.client());
        assertEquals("ws-17", lease.host());
        assertEquals("alice", lease.user());
        assertEquals("cad-floor-2", lease.tokenName());
        assertEquals(Instant.parse("2026-11-22T14:00:00Z"), lease.reservedAt());
        assertEquals(EXPIRES, lease.expiresAt());
        assertEquals(200, lease.heartbeatSeconds());
        assertFalse(lease.borrowed());
        assertEquals(List.of("designer", "export"), lease.document().features());
        assertEquals("2026-11", lease.document().keyId());
        assertEquals(answer, lease.json());
    }

    @Test
    void checksTheDocumentAsParsedWhateverItsLayout() {
        Map<String, Object> document = LeaseSigner.document(LEASE, "alice@ws-17/4711", EXPIRES, true);
        document.put("limits", Map.of("maxHosts", 3L, "nested", Map.of("z", true, "a", List.of(1L, 2L))));
        String compact = answer(LeaseSigner.view(LEASE, "alice@ws-17/4711", EXPIRES, 0, true), document);
        StringWriter pretty = new StringWriter();
        JsonObject parsed = Json.createReader(new StringReader(compact)).readObject();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(pretty)
                .write(parsed);

        Lease lease = parse(pretty.toString());
        assertTrue(lease.borrowed());
        assertEquals(
                Map.of("maxHosts", 3L, "nested", Map.of("z", true, "a", List.of(1L, 2L))),
                lease.document().content().get("limits"));
    }

    @Test
    void offsetsOtherThanZuluAreReadToo() {
        Map<String, Object> view = LeaseSigner.view(LEASE, "c", EXPIRES, 200, false);
        Map<String, Object> document = LeaseSigner.document(LEASE, "c", EXPIRES, false);
        view.put("expiresAt", "2026-11-22T15:10:00+01:00");
        assertEquals(EXPIRES, parse(answer(view, document)).expiresAt());
    }

    @Test
    void refusesATamperedDocument() {
        String answer = signer.answer(LEASE, "alice@ws-17/4711", EXPIRES, 200, false);
        String tampered = answer.replace(
                "\"features\":[\"designer\",\"export\"]", "\"features\":[\"designer\",\"export\",\"render\"]");
        assertFalse(tampered.equals(answer));
        LeaseSignatureException refused = assertThrows(LeaseSignatureException.class, () -> parse(tampered));
        assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
    }

    @Test
    void refusesAnotherKeysSignatureAndAnUnknownKey() {
        String answer = signer.answer(LEASE, "c", EXPIRES, 200, false);
        SeatKey impostor = new SeatKey("2026-11", "Ed25519", new LeaseSigner("x").publicKey, null, true);
        assertThrows(LeaseSignatureException.class, () -> Lease.parse(answer, List.of(impostor)));

        LeaseSignatureException unknown = assertThrows(
                LeaseSignatureException.class,
                () -> Lease.parse(answer, List.of(new LeaseSigner("2025-01").seatKey())));
        assertTrue(
                unknown.getMessage().contains("key 2026-11, which is not among the server's keys"),
                unknown.getMessage());
    }

    @Test
    void refusesAnAnswerThatSaysOtherThanItsSignedDocument() {
        Map<String, Object> document = LeaseSigner.document(LEASE, "c", EXPIRES, false);
        for (var change : List.of(
                Map.entry("id", (Object) "96023021.other"),
                Map.entry("license", "96023022"),
                Map.entry("client", "mallory"),
                Map.entry("expiresAt", "2027-11-22T14:10:00Z"),
                Map.entry("borrowed", true),
                Map.entry("product", "other-product"),
                Map.entry("host", "elsewhere"),
                Map.entry("user", "bob"),
                Map.entry("tokenName", "another-token"),
                Map.entry("reservedAt", "2020-01-01T00:00:00Z"),
                Map.entry("heartbeatSeconds", 100_000),
                Map.entry("heartbeatSeconds", 0),
                Map.entry("heartbeatSeconds", -5),
                Map.entry("heartbeatSeconds", 1.5),
                Map.entry("heartbeatSeconds", "200"))) {
            Map<String, Object> view = LeaseSigner.view(LEASE, "c", EXPIRES, 200, false);
            view.put(change.getKey(), change.getValue());
            assertThrows(LeaseSignatureException.class, () -> parse(answer(view, document)), change.getKey());
        }
        Map<String, Object> licenseDocument = LeaseSigner.document(LEASE, "c", EXPIRES, false);
        licenseDocument.put("type", "license");
        LeaseSignatureException wrongType = assertThrows(
                LeaseSignatureException.class,
                () -> parse(answer(LeaseSigner.view(LEASE, "c", EXPIRES, 200, false), licenseDocument)));
        assertTrue(wrongType.getMessage().contains("is a license, not a seat lease"), wrongType.getMessage());
    }

    @Test
    void refusesWhatIsNoSignedLease() {
        assertThrows(LeaseSignatureException.class, () -> parse("<html>Login</html>"));
        assertThrows(LeaseSignatureException.class, () -> parse("[]"));
        assertThrows(LeaseSignatureException.class, () -> parse("{\"lease\":{\"id\":\"96023021.x\"}}"));
        String unsigned = signer.answer(LEASE, "c", EXPIRES, 200, false).replaceAll(",\"signature\":\\{[^}]*}", "");
        assertThrows(LeaseSignatureException.class, () -> parse(unsigned));
    }

    @Test
    void refusesFractionsRatherThanRoundingThem() {
        Map<String, Object> document = LeaseSigner.document(LEASE, "c", EXPIRES, false);
        document.put("seats", 3L);
        String answer = answer(LeaseSigner.view(LEASE, "c", EXPIRES, 200, false), document)
                .replace("\"seats\":3", "\"seats\":3.5");
        LeaseSignatureException refused = assertThrows(LeaseSignatureException.class, () -> parse(answer));
        assertTrue(refused.getMessage().contains("integers only"), refused.getMessage());
    }

    @Test
    void acceptsABatchSignatureOnlyWithThePathOfThisDocument() {
        Map<String, Object> document = LeaseSigner.document(LEASE, "c", EXPIRES, false);
        Map<String, Object> view = LeaseSigner.view(LEASE, "c", EXPIRES, 200, false);
        LeaseSigner.BatchSignature signature = signer.sign(document);
        assertEquals(2, signature.path().size(), "the middle one of three documents is two steps from the root");
        assertEquals(LEASE, parse(signer.answer(view, document, signature)).id());

        LeaseSigner.BatchSignature withoutPath = new LeaseSigner.BatchSignature(signature.value(), List.of());
        assertThrows(LeaseSignatureException.class, () -> parse(signer.answer(view, document, withoutPath)));
        List<String> swapped = List.of(
                signature.path().get(0).replaceFirst("^L:", "R:"),
                signature.path().get(1));
        assertThrows(
                LeaseSignatureException.class,
                () -> parse(signer.answer(view, document, new LeaseSigner.BatchSignature(signature.value(), swapped))));
        List<String> garbled = List.of(
                "X:" + signature.path().get(0).substring(2), signature.path().get(1));
        assertThrows(
                LeaseSignatureException.class,
                () -> parse(signer.answer(view, document, new LeaseSigner.BatchSignature(signature.value(), garbled))));

        String noPathMember = signer.answer(view, document, signature).replaceAll(",\"batchPath\":\\[[^\\]]*]", "");
        assertFalse(noPathMember.contains("batchPath"));
        LeaseSignatureException refused = assertThrows(LeaseSignatureException.class, () -> parse(noPathMember));
        assertTrue(refused.getMessage().contains("batchPath"), refused.getMessage());
    }
}
