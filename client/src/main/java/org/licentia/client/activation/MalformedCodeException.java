package org.licentia.client.activation;

/**
 * A typed code (activation key, computer ID, deactivation code) that is not one, caught offline
 * before anything is sent to a server. {@link #problem()} is what a program branches on; the message
 * is written for the person who typed the code.
 */
public class MalformedCodeException extends IllegalArgumentException {

    public enum Problem {
        /** Too few or too many symbols: one was left out or typed twice. */
        LENGTH,
        /** A character that is no symbol of the alphabet (or cannot stand at its place); see {@link #position()}. */
        SYMBOL,
        /** Every symbol is valid but the check symbol does not match them: almost surely a typo. */
        CHECK
    }

    private final Problem problem;
    private final int position;

    public MalformedCodeException(Problem problem, int position, String message) {
        super(message);
        this.problem = problem;
        this.position = position;
    }

    public Problem problem() {
        return problem;
    }

    /** The 1-based position of the offending character in the text as it was typed, or 0 when no single character is to blame. */
    public int position() {
        return position;
    }
}
