package org.licentia.client.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsMembersDropsNullsAndEscapesMinimally() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seats", 20);
        doc.put("number", "11554731");
        doc.put("expires", null);
        doc.put("features", List.of("b", "a"));
        doc.put("note", "tab\there \"q\" \u0001");
        doc.put("active", true);

        String json = new String(CanonicalJson.encode(doc), StandardCharsets.UTF_8);

        assertEquals(
                "{\"active\":true,\"features\":[\"b\",\"a\"],\"note\":\"tab\\there \\\"q\\\" \\u0001\","
                        + "\"number\":\"11554731\",\"seats\":20}",
                json);
    }

    @Test
    void sameContentInAnyOrderGivesSameBytes() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("x", "1");
        a.put("y", Map.of("b", 2L, "a", 1));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("y", Map.of("a", 1L, "b", 2));
        b.put("x", "1");
        assertEquals(
                new String(CanonicalJson.encode(a), StandardCharsets.UTF_8),
                new String(CanonicalJson.encode(b), StandardCharsets.UTF_8));
    }

    @Test
    void refusesFloatingPointValues() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(Map.of("price", 1.5)));
    }
}
