package org.licentia.registration.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.regex.Pattern;
import org.licentia.registration.control.InstanceBindings;
import org.licentia.registration.control.InstanceRequests;
import org.licentia.registration.entity.RegisteredInstance;
import org.licentia.server.control.SignInAttempts;

/**
 * Publisher side: whom a sign-in's tries count against. An on-prem instance forwards the
 * credentials typed at it with its signed word for the typist's address; when a registered
 * instance's key verifies that word, the tries count against that address behind that instance.
 * Anything else (no word, an unknown instance, a bad signature, a stale time) counts against the
 * address the request came from, so a made-up word gains a guesser nothing.
 */
@Stateless
@PermitAll
public class SignInSources {

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f.:%]{2,64}");

    @Inject
    InstanceBindings bindings;

    public SignInAttempts.Source of(
            String user, String senderAddress, String instanceId, String time, String clientAddress, String signature) {
        if (instanceId == null
                || clientAddress == null
                || !IP_ADDRESS.matcher(clientAddress).matches()) {
            return SignInAttempts.Source.address(senderAddress);
        }
        RegisteredInstance instance = bindings.findById(instanceId);
        if (instance == null
                || !InstanceRequests.verify(
                        instance.publicKey(),
                        instanceId,
                        time,
                        InstanceRequests.forwardedSignIn(user, clientAddress),
                        signature,
                        Instant.now())) {
            return SignInAttempts.Source.address(senderAddress);
        }
        return SignInAttempts.Source.vouchedBy(instanceId, clientAddress);
    }
}
