package org.licentia.web.rest;

import org.licentia.errors.ErrorCode;

/** The HTTP status of each kind of failure in the catalogue. */
public final class HttpStatuses {

    private HttpStatuses() {
    }

    public static int of(ErrorCode code) {
        return switch (code.category()) {
            case INPUT -> 400;
            case AUTHENTICATION -> 401;
            case PERMISSION -> 403;
            case NOT_FOUND -> 404;
            case METHOD -> 405;
            case NOT_ACCEPTABLE -> 406;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case TOO_MANY_REQUESTS -> 429;
            case MEDIA_TYPE -> 415;
            case UPSTREAM -> 502;
            case INTERNAL -> 500;
        };
    }
}
