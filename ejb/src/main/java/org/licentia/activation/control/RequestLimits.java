package org.licentia.activation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.licentia.activation.entity.RequestWindow;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * How often one client address may use what needs no sign-in: the self-help forms, and the
 * activation endpoints a computer calls with its activation key (activate online, validate,
 * deactivate). They are what keeps those from being used to try activation keys or deactivation
 * codes in bulk. Each is a sliding window of one minute, kept in memory per server node: a cluster
 * of n nodes admits up to n times the limit, and a restart forgets the counts.
 */
@ApplicationScoped
public class RequestLimits {

    @Inject
    ActivationSettings settings;

    private final RequestWindow selfHelp = new RequestWindow(Duration.ofMinutes(1));
    private final RequestWindow activation = new RequestWindow(Duration.ofMinutes(1));

    public void admitSelfHelp(String address, Instant now) {
        admit(selfHelp, ErrorCode.SELF_HELP_RATE_LIMITED, address, settings.selfHelpRequestsPerMinute(), now);
    }

    public void admitActivation(String address, Instant now) {
        admit(activation, ErrorCode.RATE_LIMITED, address, settings.activationRequestsPerMinute(), now);
    }

    private static void admit(RequestWindow window, ErrorCode code, String address, int limit, Instant now) {
        long retryAfter = window.admit(address, limit, now);
        if (retryAfter > 0) {
            throw new LicensingException(
                    code,
                    "Too many requests from your address: at most " + limit + " a minute. Try again in " + retryAfter
                            + " seconds.",
                    Map.of("limit", String.valueOf(limit), "retryAfterSeconds", String.valueOf(retryAfter)));
        }
    }
}
