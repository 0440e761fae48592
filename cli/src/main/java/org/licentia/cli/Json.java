package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** The few JSON chores the commands share: reading, pretty-printing, and building request bodies. */
final class Json {

    private static final Map<String, ?> PRETTY = Map.of(JsonGenerator.PRETTY_PRINTING, true);

    private Json() {}

    static JsonValue parse(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static String pretty(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = jakarta.json.Json.createWriterFactory(PRETTY).createWriter(out)) {
            writer.write(value);
        }
        // JSON-P's pretty printer starts with a line break; a shell user piping to a file does not want it.
        return out.toString().strip();
    }

    /** A request body from the options the user gave; options not given (null) are left out. */
    static JsonObject body(Map<String, ?> members) {
        var builder = jakarta.json.Json.createObjectBuilder();
        members.forEach((name, value) -> {
            if (value instanceof String s) {
                builder.add(name, s);
            } else if (value instanceof Integer i) {
                builder.add(name, i);
            } else if (value instanceof Boolean b) {
                builder.add(name, b);
            } else if (value instanceof Iterable<?> values) {
                var array = jakarta.json.Json.createArrayBuilder();
                values.forEach(v -> array.add(String.valueOf(v)));
                builder.add(name, array);
            } else if (value != null) {
                throw new IllegalArgumentException("Unexpected request member " + name + ": " + value.getClass());
            }
        });
        return builder.build();
    }

    /** A member as text, or null when it is absent or JSON null. */
    static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** A member that is an array, or an empty array when it is absent or something else. */
    static JsonArray array(JsonObject object, String name) {
        return object.get(name) instanceof JsonArray array ? array : JsonValue.EMPTY_JSON_ARRAY;
    }

    static JsonObject object(JsonValue value, String what) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new CliFailure(CliExit.CLIENT_ERROR, what + " is not a JSON object");
    }
}
