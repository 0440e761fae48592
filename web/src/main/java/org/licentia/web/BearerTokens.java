package org.licentia.web;

/** The token of an {@code Authorization: Bearer <token>} header, for REST and SOAP alike; the boundary checks it. */
public final class BearerTokens {

    private BearerTokens() {}

    /** Null without a header; empty for another scheme (so the boundary says the token is missing). */
    public static String of(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7)
                ? value.substring(7).strip()
                : "";
    }
}
