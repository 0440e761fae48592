package org.licentia.cli;

/**
 * A failure the user is told about in one line on stderr, with the exit code it stands for; never
 * a stack trace.
 */
class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
