package org.licentia.client.document;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical byte form of a signed Licentia document, the bytes an Ed25519 signature covers.
 *
 * <p>Signer and verifier must agree on these bytes without sharing a JSON library, so the form is
 * small and fixed: a JSON object with members sorted by name, no whitespace, integers only, strings
 * with the minimal escapes of RFC 8785, nested objects and arrays allowed, and no {@code null}
 * members (a member that has no value is left out, on both sides).
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    public static byte[] encode(Map<String, ?> document) {
        StringBuilder out = new StringBuilder(256);
        writeValue(out, document);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            writeObject(out, map);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else {
            throw new IllegalArgumentException(
                    "A signed document holds only objects, arrays, strings, integers and booleans, not "
                            + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("Member names must be strings");
            }
            if (e.getValue() != null) {
                sorted.put(key, e.getValue());
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, e.getKey());
            out.append(':');
            writeValue(out, e.getValue());
        }
        out.append('}');
    }

    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
