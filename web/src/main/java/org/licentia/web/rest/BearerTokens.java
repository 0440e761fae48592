package org.licentia.web.rest;

/** The token of an {@code Authorization: Bearer <token>} header; the boundary checks it. */
final class BearerTokens {

    private BearerTokens() {
    }

    static String of(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : "";
    }
}
