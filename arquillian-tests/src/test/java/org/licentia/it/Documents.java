package org.licentia.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A signed document as the canonical form wants it: maps, lists, strings, longs and booleans. */
final class Documents {

    private Documents() {
    }

    static Map<String, Object> toMap(JsonObject o) {
        Map<String, Object> map = new LinkedHashMap<>();
        o.forEach((k, v) -> map.put(k, value(v)));
        return map;
    }

    private static Object value(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> toMap((JsonObject) v);
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) v).forEach(x -> list.add(value(x)));
                yield list;
            }
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).longValueExact();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
