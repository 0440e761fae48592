package org.licentia.client.activation;

import java.util.Map;
import org.licentia.client.http.Problem;

/**
 * The server refused an activation request. {@link #code()} is the catalogue code of its
 * {@code application/problem+json} answer ({@link #ACTIVATION_LIMIT_REACHED}, ...), which is what a
 * program should branch on; it is null only when the answer was no problem body at all (a proxy's
 * error page, an empty 502) or not the answer the API promises.
 */
public class ActivationRefusedException extends RuntimeException {

    /** A malformed key, computer ID or field; {@link #details()} say which and why. */
    public static final String INVALID_INPUT = "INVALID_INPUT";

    public static final String ACTIVATION_KEY_NOT_FOUND = "ACTIVATION_KEY_NOT_FOUND";
    public static final String LICENSE_REVOKED = "LICENSE_REVOKED";
    public static final String LICENSE_EXPIRED = "LICENSE_EXPIRED";
    /** Details {@code maxActivations} and {@code active}. */
    public static final String ACTIVATION_LIMIT_REACHED = "ACTIVATION_LIMIT_REACHED";
    /** Too many deactivations in the last 24 hours; details {@code deactivations}, {@code limit}, {@code retryAfter}. */
    public static final String ACTIVATION_CYCLE_LIMIT = "ACTIVATION_CYCLE_LIMIT";
    /** Detail {@code reason}, one of {@link InvalidDeactivationCodeException.Reason} or {@code BEFORE_ACTIVATION}. */
    public static final String INVALID_DEACTIVATION_CODE = "INVALID_DEACTIVATION_CODE";

    public static final String ACTIVATION_NOT_FOUND = "ACTIVATION_NOT_FOUND";
    /** Also the answer to a deactivation code that was used before. */
    public static final String ACTIVATION_ALREADY_DEACTIVATED = "ACTIVATION_ALREADY_DEACTIVATED";

    private final Problem problem;

    ActivationRefusedException(Problem problem) {
        super(problem.message());
        this.problem = problem;
    }

    /** An answer with a success status that is not what the API promises. */
    static ActivationRefusedException unexpected(int status, String url, String what) {
        return new ActivationRefusedException(
                new Problem(status, null, "Unexpected answer from " + url + ": " + what, Map.of(), url));
    }

    public int status() {
        return problem.status();
    }

    /** The problem's catalogue code, or null when the server sent no problem body. */
    public String code() {
        return problem.code();
    }

    /** The server's explanation for people, or null when it sent none. */
    public String detail() {
        return problem.detail();
    }

    public Map<String, String> details() {
        return problem.details();
    }
}
