package org.licentia.status.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.schema.SchemaMigrations;
import org.licentia.signing.control.Ed25519KeyPair;
import org.licentia.status.entity.AlertNotification;

/**
 * Every {@code licentia.alerts.check-interval} (default PT1M), on every node: brings the alerts in
 * the database in step with the rules, then posts the due webhook notifications, oldest first,
 * stopping at the first failure so that the receiver gets them in order once it is back. Nothing
 * here runs on a request's thread: a slow or dead receiver delays only the next notification.
 *
 * <p>Each post carries the instance's Ed25519 signature of its body ({@code X-Licentia-Signature}),
 * which a receiver checks with the instance's public key (the request code carries it), and a
 * delivery ID ({@code X-Licentia-Delivery}) that stays the same across retries.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigrations", "InstanceIdentity"})
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AlertWatch {

    private static final Logger LOG = Logger.getLogger(AlertWatch.class.getName());
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Resource
    TimerService timers;

    @Inject
    SchemaMigrations schema;

    @Inject
    AlertLedger ledger;

    @Inject
    AlertSettings settings;

    @Inject
    InstanceIdentity identity;

    @Inject
    StatusMetrics metrics;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long every = Math.max(1000, settings.checkInterval().toMillis());
        timers.createIntervalTimer(Math.min(every, 5000), every, new TimerConfig("alert-watch", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fire() {
        if (!schema.isReady() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            metrics.show(ledger.check());
            deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The alert check failed; the next one will retry: {0}", e.toString());
        } finally {
            running.set(false);
        }
    }

    private void deliverDue() {
        Optional<URI> webhook = settings.webhook();
        if (webhook.isEmpty()) {
            return;
        }
        for (AlertNotification n : ledger.due(50)) {
            if (!ledger.claim(n, Instant.now().plus(CLAIM))) {
                continue;
            }
            String error = post(webhook.get(), n);
            ledger.settle(n.id(), error);
            if (error != null) {
                LOG.log(Level.WARNING, "Alert notification {0} not delivered to {1}: {2}", new Object[] {
                    n.id(), webhook.get(), error
                });
                return;
            }
        }
    }

    /** Null when the receiver took it (2xx), else what went wrong. */
    private String post(URI url, AlertNotification n) {
        byte[] body = n.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Licentia-Event", "STARTED".equals(n.event()) ? "alert.started" : "alert.ended")
                .header("X-Licentia-Delivery", Long.toString(n.id()))
                .header(
                        "X-Licentia-Signature",
                        "keyid=\"" + Ed25519KeyPair.keyIdOf(identity.publicKey()) + "\", algorithm=\"ed25519\","
                                + " signature=\"" + identity.signBase64(body) + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> answer = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() / 100 == 2 ? null : "HTTP " + answer.statusCode();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
