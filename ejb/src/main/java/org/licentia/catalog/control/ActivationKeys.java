package org.licentia.catalog.control;

import org.licentia.client.activation.ActivationKey;

/**
 * Where the server mints the activation keys of new licenses, in the client library's format
 * ({@link ActivationKey}: 20 random symbols and a check symbol), so that the client can catch a
 * mistyped key before it calls the server.
 *
 * <p>Licenses created before the check symbol keep their 20-symbol keys: the server stores keys as
 * strings and compares them as such, so only newly typed keys go through {@link ActivationKey#parse}.
 */
public final class ActivationKeys {

    private ActivationKeys() {}

    public static String next() {
        return ActivationKey.generate().toString();
    }
}
