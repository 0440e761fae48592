package org.licentia.server.boundary;

/**
 * What a server says of itself. {@code role} is {@code both} when its instance is its own
 * publisher's (the embedded default), {@code on-prem} when {@code licentia.upstream.url} names
 * another publisher. {@code schemaVersion} is absent until the schema migration ran.
 */
public record About(
        String product, String version, String build, String schemaVersion, boolean schemaReady, String role) {}
