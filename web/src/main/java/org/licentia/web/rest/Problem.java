package org.licentia.web.rest;

import java.util.Locale;
import java.util.Map;

/** An RFC 9457 problem body, with the catalogue code as an extension member. */
public record Problem(String type, String title, int status, String code, String detail, Map<String, String> details) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final jakarta.json.bind.Jsonb JSON = jakarta.json.bind.JsonbBuilder.create();

    /** The body for answers written outside JAX-RS (the container's error pages, the credentials guard). */
    public String toJson() {
        return JSON.toJson(this);
    }

    public static Problem of(org.licentia.errors.LicensingException e, int status) {
        String slug = e.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new Problem(
                "https://licentia.org/problems/" + slug,
                e.code().title(),
                status,
                e.code().name(),
                e.getMessage(),
                e.details().isEmpty() ? null : e.details());
    }
}
