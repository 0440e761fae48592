package org.licentia.status.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The alert settings, read on every use so that a change applies at once: the warning thresholds,
 * the webhook and its retries. The watch's own interval is read once, at start.
 */
@ApplicationScoped
public class AlertSettings {

    @Inject
    Config config;

    public AlertRules.Thresholds thresholds() {
        return new AlertRules.Thresholds(
                days("licentia.alerts.expiry-warning-days", 15), days("licentia.alerts.support-warning-days", 30));
    }

    /** Where alert starts and ends are posted; empty for none. Only http and https. */
    public Optional<URI> webhook() {
        return config.getOptionalValue("licentia.alerts.webhook-url", String.class)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(text -> {
                    URI uri = URI.create(text);
                    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                        throw new IllegalStateException("licentia.alerts.webhook-url must be an http(s) URL: " + text);
                    }
                    return uri;
                });
    }

    /** The wait before the first retry; each later one waits twice as long, up to an hour. */
    public Duration retryDelay() {
        return duration("licentia.alerts.webhook-retry-delay", Duration.ofSeconds(10));
    }

    public int maxAttempts() {
        int n = config.getOptionalValue("licentia.alerts.webhook-attempts", Integer.class)
                .orElse(12);
        if (n < 1 || n > 100) {
            throw new IllegalStateException("licentia.alerts.webhook-attempts must be 1 to 100, not " + n);
        }
        return n;
    }

    public Duration checkInterval() {
        return duration("licentia.alerts.check-interval", Duration.ofMinutes(1));
    }

    private int days(String name, int fallback) {
        int n = config.getOptionalValue(name, Integer.class).orElse(fallback);
        if (n < 0 || n > 3650) {
            throw new IllegalStateException(name + " must be 0 to 3650 days, not " + n);
        }
        return n;
    }

    private Duration duration(String name, Duration fallback) {
        return config.getOptionalValue(name, String.class)
                .filter(s -> !s.isBlank())
                .map(Duration::parse)
                .orElse(fallback);
    }
}
