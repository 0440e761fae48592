package org.licentia.client.document;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed document parsed from JSON, as the plain Java values {@link CanonicalJson} encodes: the
 * bytes to verify are rebuilt from it. Signed documents hold integers only, so a fraction is
 * refused rather than rounded into a different document; null members are dropped, as the signer
 * dropped them.
 */
public final class JsonDocuments {

    private JsonDocuments() {}

    /** @throws IllegalArgumentException for a value no signed document holds (a fraction, a null in an array) */
    public static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((name, value) -> {
            if (value.getValueType() != JsonValue.ValueType.NULL) {
                map.put(name, toJava(value));
            }
        });
        return map;
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> toMap(value.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                try {
                    yield ((JsonNumber) value).longValueExact();
                } catch (ArithmeticException notAnInteger) {
                    throw new IllegalArgumentException("a signed document holds integers only, not " + value);
                }
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> throw new IllegalArgumentException("a signed document holds no null in arrays");
        };
    }
}
