package org.licentia.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.licentia.client.document.CanonicalJson;
import org.licentia.seats.boundary.LeaseView;
import org.licentia.web.rest.SeatsResource.BatchSignature;
import org.licentia.web.rest.SeatsResource.LeaseBody;

/** The hand-written lease answer says what JSON-B would have said. */
class LeaseBodyWriterTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static Map<String, Object> document(String client, String user, boolean borrowed) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "seat-lease");
        doc.put("lease", "96023021.AbC-dEf_123");
        doc.put("license", "96023021");
        doc.put("product", "CLOUD-PLATFORM");
        doc.put("features", List.of("compute", "stör\"age"));
        doc.put("client", client);
        doc.put("host", "build-07");
        if (user != null) {
            doc.put("user", user);
        }
        doc.put("instance", "25f85ad0-0f1e-4c1b-9a6e-0c2f3a1b2c3d");
        doc.put("issuedAt", "2026-11-22T22:35:18.123456789Z");
        doc.put("expiresAt", "2026-11-22T22:45:18.123456789Z");
        doc.put("borrowed", borrowed);
        return doc;
    }

    /** The documented shape of the answer, as JSON-B writes it. */
    public record Answer(LeaseView lease, Map<String, Object> document, BatchSignature signature) {}

    private static LeaseBody body(LeaseView lease, Map<String, Object> document, BatchSignature signature) {
        return new LeaseBody(lease, document, signature, CanonicalJson.encode(document));
    }

    private static void assertSameAsJsonb(LeaseBody body) {
        Answer answer = new Answer(body.lease(), body.document(), body.signature());
        JsonObject expected =
                Json.createReader(new StringReader(JSONB.toJson(answer))).readObject();
        JsonObject written = Json.createReader(new ByteArrayInputStream(LeaseBodyWriter.json(body)))
                .readObject();
        assertEquals(expected, written);
    }

    @Test
    void aRenewableLeaseWithABatchPath() {
        Instant reserved = Instant.parse("2026-11-22T22:35:18.123456789Z");
        assertSameAsJsonb(body(
                new LeaseView(
                        "96023021.AbC-dEf_123",
                        "96023021",
                        "CLOUD-PLATFORM",
                        "seat-bench-c1",
                        "build-07",
                        "ana",
                        "ci runners",
                        reserved,
                        reserved.plusSeconds(600),
                        200,
                        false),
                document("seat-bench-c1", "ana", false),
                new BatchSignature("Ed25519", "0123456789abcdef", "c2lnbmF0dXJl", List.of("L:AAAA", "R:BBBB"))));
    }

    @Test
    void membersWithoutAValueAreLeftOutAsJsonbLeavesThemOut() {
        Instant reserved = Instant.parse("2026-11-22T22:00:00Z");
        assertSameAsJsonb(body(
                new LeaseView(
                        "96023021.x",
                        "96023021",
                        null,
                        "tab\there \u0001 \"quoted\" \\ ünï",
                        "tab\there",
                        null,
                        "t",
                        reserved,
                        reserved.plusSeconds(7 * 86400),
                        0,
                        true),
                document("tab\there \u0001 \"quoted\" \\ ünï", null, true),
                new BatchSignature("Ed25519", "0123456789abcdef", "c2ln", List.of())));
    }
}
