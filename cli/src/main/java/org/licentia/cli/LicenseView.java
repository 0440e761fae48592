package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Licenses as people read them: one labelled line per term, or one table row per license. */
final class LicenseView {

    private static final String NONE = "(none)";

    private LicenseView() {}

    static String format(JsonObject license) {
        StringBuilder out = new StringBuilder();
        line(out, "License", or(Json.text(license, "number"), NONE));
        line(out, "Account", or(Json.text(license, "account"), NONE));
        line(out, "Product", product(license));
        line(out, "Edition", or(Json.text(license, "edition"), NONE));
        line(out, "Features", features(license));
        line(out, "Seats", or(Json.text(license, "seats"), NONE));
        line(out, "Quota", quota(license));
        line(out, "Starts", or(Json.text(license, "starts"), NONE));
        line(out, "Expires", or(Json.text(license, "expires"), "never"));
        line(out, "Support expires", or(Json.text(license, "supportExpires"), NONE));
        line(out, "State", or(Json.text(license, "state"), NONE));
        line(out, "Activation key", or(Json.text(license, "activationKey"), NONE));
        line(out, "Max activations", or(Json.text(license, "maxActivations"), NONE));
        line(out, "Registered to", registeredTo(license));
        return out.toString();
    }

    static String table(JsonArray licenses) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NUMBER", "ACCOUNT", "PRODUCT", "EDITION", "SEATS", "EXPIRES", "STATE"});
        for (JsonValue item : licenses) {
            JsonObject license = item.asJsonObject();
            rows.add(new String[] {
                or(Json.text(license, "number"), ""),
                or(Json.text(license, "account"), ""),
                or(Json.text(license, "product"), ""),
                or(Json.text(license, "edition"), ""),
                or(Json.text(license, "seats"), ""),
                or(Json.text(license, "expires"), "never"),
                or(Json.text(license, "state"), "")
            });
        }
        return TextTable.format(rows);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-18s%s%n", label + ":", value));
    }

    private static String product(JsonObject license) {
        String code = Json.text(license, "product");
        String name = Json.text(license, "productName");
        if (name == null || name.equals(code)) {
            return or(code, NONE);
        }
        return code == null ? name : name + " (" + code + ")";
    }

    private static String features(JsonObject license) {
        if (!(license.get("features") instanceof JsonArray features) || features.isEmpty()) {
            return NONE;
        }
        return features.stream()
                .map(f -> f instanceof JsonString s ? s.getString() : f.toString())
                .collect(Collectors.joining(", "));
    }

    private static String quota(JsonObject license) {
        String quota = Json.text(license, "quota");
        String metric = Json.text(license, "quotaMetric");
        if (quota == null) {
            return NONE;
        }
        return metric == null ? quota : quota + " " + metric;
    }

    /** The registered instance is shown as the server sends it: a name, or the members of an object. */
    private static String registeredTo(JsonObject license) {
        JsonValue instance = license.get("registeredInstance");
        if (instance instanceof JsonObject object) {
            return object.entrySet().stream()
                    .filter(e -> e.getValue().getValueType() != JsonValue.ValueType.NULL)
                    .map(e -> e.getKey() + "=" + Json.text(object, e.getKey()))
                    .collect(Collectors.joining(", "));
        }
        return or(Json.text(license, "registeredInstance"), NONE);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
