package org.licentia.activation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * How often one client address may submit the self-help forms: the page needs no sign-in, so this
 * is what keeps it from being used to try activation keys or deactivation codes in bulk. Counts are
 * per minute and per server, in memory; a restart forgets them.
 */
@ApplicationScoped
public class SelfHelpLimits {

    @Inject
    ActivationSettings settings;

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute = -1;

    public void admit(String address, Instant now) {
        long current = now.getEpochSecond() / 60;
        if (current != minute) {
            synchronized (this) {
                if (current != minute) {
                    counts.clear();
                    minute = current;
                }
            }
        }
        int limit = settings.selfHelpRequestsPerMinute();
        if (counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > limit) {
            long retryAfter = 60 - now.getEpochSecond() % 60;
            throw new LicensingException(ErrorCode.SELF_HELP_RATE_LIMITED,
                    "Too many requests from your address: at most " + limit + " a minute. Try again in " + retryAfter + " seconds.",
                    Map.of("limit", String.valueOf(limit), "retryAfterSeconds", String.valueOf(retryAfter)));
        }
    }
}
