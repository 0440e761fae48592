package org.licentia.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A webhook receiver in the test JVM: keeps every request it gets, and answers 503 to the next
 * {@link #failNext} ones before answering 204 again, as a receiver that is down for a while.
 */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(Instant at, String event, String deliveryId, String signature, String body, int answered) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            synchronized (deliveries) {
                deliveries.add(new Delivery(
                        Instant.now(),
                        exchange.getRequestHeaders().getFirst("X-Licentia-Event"),
                        exchange.getRequestHeaders().getFirst("X-Licentia-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-Licentia-Signature"),
                        new String(body, StandardCharsets.UTF_8),
                        status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void failNext(int n) {
        failures.set(n);
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Waits up to {@code timeout} for a delivery the receiver took (2xx) that matches. */
    Delivery await(Predicate<Delivery> wanted, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            for (Delivery d : deliveries()) {
                if (d.answered() / 100 == 2 && wanted.test(d)) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such delivery within " + timeout + "; got " + deliveries());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
