package org.licentia.web;

import java.time.Instant;
import java.util.function.Supplier;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.server.control.SignInAttempts;

/**
 * Registration on an on-prem instance signs in with the publisher account's e-mail and password,
 * which the instance forwards to its publisher. Those tries are throttled here like any sign-in
 * ({@link SignInAttempts}), per e-mail and the address of the client that sent them, before
 * anything is forwarded: a guesser is slowed at the instance, and what reaches the publisher stays
 * a trickle.
 */
public final class ForwardedSignIn {

    private ForwardedSignIn() {}

    public static <T> T check(String email, String address, Supplier<T> call) {
        SignInAttempts attempts = SignInAttempts.shared();
        String user = email == null ? "" : email;
        long wait = attempts.waitSeconds(user, address, Instant.now());
        if (wait > 0) {
            throw CredentialsGuard.slowDown(wait);
        }
        try {
            T result = call.get();
            attempts.succeeded(user, address);
            return result;
        } catch (LicensingException e) {
            if (e.code() == ErrorCode.UNAUTHENTICATED) {
                attempts.failed(user, address, Instant.now());
            }
            throw e;
        }
    }
}
