package org.licentia.client.seat;

import java.io.IOException;
import org.licentia.client.http.ServerUnreachableException;

/**
 * No answer came from the seat server: it could not be reached, did not answer in time, or the wait
 * was interrupted. Unlike a {@link SeatException}, trying again later may well succeed.
 */
public class SeatServerUnreachableException extends ServerUnreachableException {

    public SeatServerUnreachableException(String serverUrl, IOException cause) {
        super(serverUrl, cause);
    }
}
