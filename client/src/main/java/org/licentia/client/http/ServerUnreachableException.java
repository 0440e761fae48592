package org.licentia.client.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * No answer came from the server: it could not be reached, did not answer in time, or the wait was
 * interrupted. Unlike a refusal, trying again later may well succeed.
 */
public class ServerUnreachableException extends UncheckedIOException {

    private final String serverUrl;

    public ServerUnreachableException(String serverUrl, IOException cause) {
        super("cannot reach the Licentia server at " + serverUrl + ": " + reason(cause), cause);
        this.serverUrl = serverUrl;
    }

    public String serverUrl() {
        return serverUrl;
    }

    /** The JDK often throws with a null message (a refused connection, an unknown host), so say what happened instead. */
    private static String reason(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException
                ? "connection refused"
                : e.getClass().getSimpleName();
    }
}
