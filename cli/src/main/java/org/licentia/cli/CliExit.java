package org.licentia.cli;

/**
 * The exit codes of the {@code licentia} command, one per kind of failure a script may want to
 * react to differently (retry when unreachable, stop on a bad signature, ...). They are part of
 * the command's contract and listed in its help.
 */
final class CliExit {

    static final int OK = 0;
    static final int CLIENT_ERROR = 1;
    static final int USAGE = 2;
    static final int NOT_AUTHORIZED = 3;
    static final int NOT_FOUND = 4;
    static final int CONFLICT = 5;
    static final int UNREACHABLE = 6;
    static final int SIGNATURE_INVALID = 7;
    static final int SERVER_ERROR = 8;
    /** {@code licentia status}: the answer came, and a license alert is in force. */
    static final int ALERTS_ACTIVE = 9;

    private CliExit() {}

    static int forStatus(int httpStatus) {
        return switch (httpStatus) {
            case 401, 403 -> NOT_AUTHORIZED;
            case 404 -> NOT_FOUND;
            // 410: a seat lease that ended; like a conflict, the state changed under the caller.
            case 409, 410 -> CONFLICT;
            default -> httpStatus >= 500 ? SERVER_ERROR : CLIENT_ERROR;
        };
    }
}
