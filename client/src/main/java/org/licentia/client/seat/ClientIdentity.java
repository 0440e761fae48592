package org.licentia.client.seat;

import java.util.Objects;

/**
 * Who holds a seat, as the application names it. The server gives one lease per {@code client} and
 * license, so reserving again with the same {@code client} (after a crash or a reconnect) gets the
 * same lease back instead of a second seat: choose it stable for one user, host and process, e.g.
 * {@code alice@ws-17/4711}. {@code host} is what a {@code hosts} quota counts and defaults to
 * {@code client} on the server; {@code host} and {@code user} may be null.
 */
public record ClientIdentity(String client, String host, String user) {

    public ClientIdentity {
        Objects.requireNonNull(client, "client");
        if (client.isBlank()) {
            throw new IllegalArgumentException("client must not be blank");
        }
    }

    public static ClientIdentity of(String client) {
        return new ClientIdentity(client, null, null);
    }
}
