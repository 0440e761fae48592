package org.licentia.web.rest;

import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/** The HTTP status of each kind of failure in the catalogue. */
public final class HttpStatuses {

    private HttpStatuses() {}

    /**
     * The catalogue's failure for an HTTP status that the container or JAX-RS decided before any
     * Licentia code ran (sign-in, routing, media types): one mapping for the error pages and the
     * REST exception mapper.
     */
    public static LicensingException failureOf(int status) {
        return switch (status) {
            case 401 ->
                new LicensingException(
                        ErrorCode.UNAUTHENTICATED,
                        "Sign in with HTTP Basic authentication (a Licentia user's e-mail and password)");
            case 403 -> new LicensingException(ErrorCode.FORBIDDEN, "Not allowed");
            case 404 -> new LicensingException(ErrorCode.RESOURCE_NOT_FOUND, "No such resource");
            case 405 ->
                new LicensingException(ErrorCode.METHOD_NOT_ALLOWED, "This resource does not support that method");
            case 406 ->
                new LicensingException(
                        ErrorCode.NOT_ACCEPTABLE,
                        "This resource cannot answer in the media types the Accept header asks for");
            case 413 -> new LicensingException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
            case 415 -> new LicensingException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
            case 503 ->
                new LicensingException(ErrorCode.SERVICE_UNAVAILABLE, "The server cannot answer now; try again later");
            default ->
                status >= 400 && status < 500
                        ? new LicensingException(ErrorCode.MALFORMED_REQUEST, "The request is malformed")
                        : new LicensingException(ErrorCode.INTERNAL_ERROR, "The server could not complete the request");
        };
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
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }
}
