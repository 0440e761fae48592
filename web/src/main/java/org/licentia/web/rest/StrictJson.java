package org.licentia.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.server.control.InputText;

/**
 * Reads every JSON request body into its command record exactly as sent, or refuses it with a
 * typed 400 that names the member. JSON-B converts leniently: {@code 4294967299} became 3 seats,
 * {@code 1.9} became 1, {@code "3"} became 3, unknown members were dropped and text after the
 * document was ignored, so the server signed values the caller never sent. Here a number must be
 * a JSON number that is whole and fits the member's type, a string a JSON string without control,
 * bidirectional-override or unpaired surrogate characters, a member one the record declares and
 * declared once, and the document the whole body.
 *
 * <p>The range in a refusal is the one the command declares with its Bean Validation constraints;
 * this reader only describes it, the domain's {@code InputValidation} still checks values in range
 * of the type.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJson implements MessageBodyReader<Object> {

    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream entity)
            throws IOException {
        PushbackInputStream body = new PushbackInputStream(entity, 1);
        int first = body.read();
        if (first < 0) {
            return null;
        }
        body.unread(first);
        return read(type, body);
    }

    /** The whole body as one value of the type; public for the tests of the rules above. */
    public static <T> T read(Class<T> type, InputStream body) {
        JsonValue document;
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw malformed("The request body could not be read");
        }
        try (var reader = READERS.createReader(new java.io.ByteArrayInputStream(bytes))) {
            document = reader.readValue();
        } catch (JsonParsingException e) {
            throw malformed("The request body is not valid JSON: " + describe(e));
        } catch (jakarta.json.JsonException | IllegalStateException e) {
            throw malformed("The request body is not valid JSON" + (isDuplicate(e) ? ": a member appears twice" : ""));
        }
        if (document instanceof jakarta.json.JsonStructure) {
            requireNothingAfter(bytes);
        }
        return type.cast(convert(document, type, type, "", null));
    }

    /**
     * JSON-P's reader stops after the first value; a second parse finds the end of that object or
     * array and refuses anything but white space after it. (A bare scalar is no command anyway.)
     */
    private static void requireNothingAfter(byte[] bytes) {
        try (JsonParser parser = PARSERS.createParser(new java.io.ByteArrayInputStream(bytes))) {
            if (parser.next() == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else {
                parser.skipArray();
            }
            if (parser.hasNext()) {
                throw malformed("The request body has text after the JSON document");
            }
        } catch (JsonParsingException e) {
            throw malformed("The request body has text after the JSON document");
        }
    }

    private static boolean isDuplicate(Exception e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(java.util.Locale.ROOT).contains("duplicate");
    }

    private static String describe(JsonParsingException e) {
        var at = e.getLocation();
        return at == null
                ? "unexpected character"
                : "unexpected character at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    }

    private static Object convert(
            JsonValue value, Class<?> type, Type generic, String path, AnnotatedElement declared) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (type == boolean.class) {
                return false;
            }
            if (type.isPrimitive()) {
                throw invalid(path, "a number", "is required");
            }
            return null;
        }
        if (type == String.class) {
            if (!(value instanceof JsonString s)) {
                throw invalid(path, "a string", "must be a JSON string");
            }
            return text(s.getString(), path);
        }
        if (type == Integer.class || type == int.class) {
            return (int) whole(value, path, declared, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return whole(value, path, declared, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw invalid(path, "true or false", "must be true or false");
        }
        if (type == List.class) {
            if (!(value instanceof JsonArray array)) {
                throw invalid(path, "an array", "must be a JSON array");
            }
            Type element = typeArgument(generic, 0, path);
            List<Object> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(convert(array.get(i), raw(element), element, path + "[" + i + "]", null));
            }
            return Collections.unmodifiableList(list);
        }
        if (type == Map.class) {
            if (!(value instanceof JsonObject object)) {
                throw invalid(path, "an object", "must be a JSON object");
            }
            Type valueType = typeArgument(generic, 1, path);
            Map<String, Object> map = new LinkedHashMap<>();
            for (var member : object.entrySet()) {
                String key = text(member.getKey(), path);
                map.put(key, convert(member.getValue(), raw(valueType), valueType, path + "." + key, null));
            }
            return Collections.unmodifiableMap(map);
        }
        if (type.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                throw invalid(path.isEmpty() ? "body" : path, "an object", "must be a JSON object");
            }
            return record(object, type, path);
        }
        throw new IllegalStateException("No JSON conversion for " + type.getName() + " at " + path);
    }

    private static Object record(JsonObject object, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new java.util.HashSet<>();
        for (RecordComponent c : components) {
            known.add(c.getName());
        }
        for (String member : object.keySet()) {
            if (!known.contains(member)) {
                String name = printable(member);
                throw new LicensingException(
                        ErrorCode.INVALID_INPUT,
                        "Unknown member '" + join(path, name) + "'; allowed: "
                                + String.join(
                                        ", ",
                                        Arrays.stream(components)
                                                .map(RecordComponent::getName)
                                                .toList()),
                        Map.of(join(path, name), "unknown member"));
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            args[i] = convert(
                    object.get(c.getName()), c.getType(), c.getGenericType(), join(path, c.getName()), c.getAccessor());
        }
        try {
            return constructor(type).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Constructor<?> constructor(Class<?> type) {
        return CONSTRUCTORS.computeIfAbsent(type, t -> {
            Class<?>[] parameters = Arrays.stream(t.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                Constructor<?> c = t.getDeclaredConstructor(parameters);
                c.setAccessible(true);
                return c;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * A whole number in the type's range. The size check before the exact conversion keeps a
     * number like {@code 1e999999999} from being expanded digit by digit.
     */
    private static long whole(JsonValue value, String path, AnnotatedElement declared, long typeMin, long typeMax) {
        long[] range = range(declared, typeMin, typeMax);
        String allowed = "a whole number from " + range[0] + " to " + range[1];
        if (!(value instanceof JsonNumber number)) {
            throw invalid(path, allowed, "must be " + allowed + " (a JSON number, not text)");
        }
        BigDecimal exact = number.bigDecimalValue();
        if (exact.signum() != 0 && exact.precision() - exact.scale() > 20) {
            throw invalid(path, allowed, "must be " + allowed);
        }
        if (exact.stripTrailingZeros().scale() > 0) {
            throw invalid(path, allowed, "must be " + allowed + ", not a fraction");
        }
        try {
            long n = exact.longValueExact();
            if (n < typeMin || n > typeMax) {
                throw new ArithmeticException();
            }
            return n;
        } catch (ArithmeticException e) {
            throw invalid(path, allowed, "must be " + allowed);
        }
    }

    /** The range the command declares for the member, within the range of its Java type. */
    private static long[] range(AnnotatedElement declared, long min, long max) {
        if (declared == null) {
            return new long[] {min, max};
        }
        Min atLeast = declared.getAnnotation(Min.class);
        Max atMost = declared.getAnnotation(Max.class);
        if (atLeast != null) {
            min = Math.max(min, atLeast.value());
        }
        if (declared.isAnnotationPresent(PositiveOrZero.class)) {
            min = Math.max(min, 0);
        }
        if (declared.isAnnotationPresent(Positive.class)) {
            min = Math.max(min, 1);
        }
        if (atMost != null) {
            max = Math.min(max, atMost.value());
        }
        return new long[] {min, max};
    }

    static String text(String s, String path) {
        String problem = InputText.problem(s);
        if (problem != null) {
            String field = path.isEmpty() ? "body" : path;
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    field + " " + problem,
                    Map.of(field, problem.substring(0, problem.indexOf(" (at"))));
        }
        return s;
    }

    /** A member name for a message, with anything unprintable shown as an escape. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(100).forEach(cp -> {
            if (cp < 0x20
                    || cp == 0x7F
                    || (cp >= 0x80 && cp < 0xA0)
                    || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.SURROGATE) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static Type typeArgument(Type generic, int index, String path) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("No element type for " + path);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        throw new IllegalStateException("Unsupported type " + type);
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    private static LicensingException invalid(String path, String expected, String problem) {
        return new LicensingException(ErrorCode.INVALID_INPUT, path + " " + problem, Map.of(path, expected));
    }

    private static LicensingException malformed(String message) {
        return new LicensingException(ErrorCode.MALFORMED_REQUEST, message);
    }
}
