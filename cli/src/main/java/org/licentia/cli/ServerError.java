package org.licentia.cli;

/**
 * The server answered with an error status. {@code code} and {@code detail} come from its
 * {@code application/problem+json} body and are null when the body was something else (a proxy's
 * HTML page, an empty 502, ...).
 */
final class ServerError extends CliFailure {

    private final int status;
    private final String code;
    private final String detail;

    ServerError(int status, String code, String detail, String url) {
        super(CliExit.forStatus(status), message(status, code, detail, url));
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    private static String message(int status, String code, String detail, String url) {
        if (detail == null) {
            return "HTTP " + status + " from " + url;
        }
        return code == null ? detail : detail + " [" + code + "]";
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String detail() {
        return detail;
    }
}
