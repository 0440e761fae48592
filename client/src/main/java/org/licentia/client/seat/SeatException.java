package org.licentia.client.seat;

import java.util.Map;
import org.licentia.client.http.Problem;

/**
 * The server refused a seat request. {@link #code()} is the catalogue code of its
 * {@code application/problem+json} answer ({@link #NO_SEAT_AVAILABLE}, {@link #LEASE_ENDED}, ...),
 * which is what a program should branch on; it is null only when the answer was no problem body at
 * all (a proxy's error page, an empty 502).
 */
public class SeatException extends RuntimeException {

    public static final String NO_SEAT_AVAILABLE = "NO_SEAT_AVAILABLE";
    public static final String LICENSE_EXPIRED = "LICENSE_EXPIRED";
    public static final String LICENSE_UNCERTAIN = "LICENSE_UNCERTAIN";
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";
    public static final String INSUFFICIENT_QUOTA = "INSUFFICIENT_QUOTA";
    public static final String LICENSE_NOT_HOSTED = "LICENSE_NOT_HOSTED";
    public static final String LEASE_NOT_FOUND = "LEASE_NOT_FOUND";
    public static final String LEASE_ENDED = "LEASE_ENDED";
    public static final String INVALID_CLIENT_TOKEN = "INVALID_CLIENT_TOKEN";
    public static final String BORROW_TOO_LONG = "BORROW_TOO_LONG";
    public static final String INVALID_INPUT = "INVALID_INPUT";

    private final int status;
    private final String code;
    private final String detail;
    private final Map<String, String> details;

    public SeatException(int status, String code, String detail, Map<String, String> details) {
        this(new Problem(status, code, detail, details, null));
    }

    SeatException(Problem problem) {
        super(problem.message());
        this.status = problem.status();
        this.code = problem.code();
        this.detail = problem.detail();
        this.details = problem.details();
    }

    /** The error answer to a request for {@code url}, whatever its body. */
    static SeatException from(int status, String contentType, String body, String url) {
        return new SeatException(Problem.of(status, contentType, body, url));
    }

    /** The HTTP status of the refusal. */
    public int status() {
        return status;
    }

    /** The problem's catalogue code, or null when the server sent no problem body. */
    public String code() {
        return code;
    }

    /** The server's explanation for people, or null when it sent none. */
    public String detail() {
        return detail;
    }

    /** The problem's {@code details}, e.g. {@code seatsInUse} and {@code nextExpiry} for {@link #NO_SEAT_AVAILABLE}. */
    public Map<String, String> details() {
        return details;
    }
}
