package org.licentia.cli;

import java.util.Map;
import org.licentia.client.http.Problem;

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
        this(new Problem(status, code, detail, Map.of(), url));
    }

    ServerError(Problem problem) {
        super(CliExit.forStatus(problem.status()), problem.message());
        this.status = problem.status();
        this.code = problem.code();
        this.detail = problem.detail();
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
