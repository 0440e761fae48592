package org.licentia.registration.control;

import java.util.Map;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * The publisher account credentials an admin gives to register licenses; passed through to the
 * publisher for this one request and never stored on the instance.
 */
public record Credentials(String email, String password) {

    public Credentials {
        if (email == null
                || email.isBlank()
                || email.length() > 320
                || password == null
                || password.isEmpty()
                || password.length() > 200) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Give the publisher account's e-mail and password",
                    Map.of("email", "required", "password", "required"));
        }
        email = email.strip();
    }

    @Override
    public String toString() {
        return "Credentials[" + email + "]";
    }
}
