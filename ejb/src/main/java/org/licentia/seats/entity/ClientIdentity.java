package org.licentia.seats.entity;

/**
 * Who asks for a seat: the application's own name for the client (user, host and process, as it
 * chooses), the host a {@code hosts} quota counts, and the token the request was signed in with.
 */
public record ClientIdentity(String client, String host, String user, String tokenName) {}
