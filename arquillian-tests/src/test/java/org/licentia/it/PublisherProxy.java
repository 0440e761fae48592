package org.licentia.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands between the on-prem instance and the real publisher, so tests can break the network the
 * way real networks break: drop connections, answer 500 or garbage, forward a change and then let
 * the answer time out, or corrupt the publisher's signatures in transit.
 */
final class PublisherProxy implements AutoCloseable {

    static final int PORT = 18280;

    enum Mode {
        FORWARD,
        /** Closes the connection without answering: the publisher looks unreachable. */
        DROP,
        ERROR_500,
        /** Answers 403 with a problem body, as a publisher that does not know the instance's key would. */
        REFUSE_403,
        /** Forwards (the publisher acts), then answers 200 with something that is not JSON. */
        GARBAGE_AFTER_FORWARD,
        /** Forwards (the publisher acts), then holds the answer past the instance's 3 s timeout. */
        HANG_AFTER_FORWARD,
        /** Forwards, and changes one character of every signature in the answer. */
        BAD_SIGNATURE,
        /** Holds the request, unanswered and not forwarded, until {@link #heal()}: a call in flight. */
        HOLD
    }

    private static final Pattern SIGNATURE = Pattern.compile("\"signature\":\"(.)");
    private static final List<String> HEADERS = List.of(
            "Authorization",
            "Content-Type",
            "Accept",
            "X-Licentia-Instance",
            "X-Licentia-Time",
            "X-Licentia-Signature");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String target;
    private volatile Mode mode = Mode.FORWARD;
    private volatile String onlyPathsContaining = "";
    private final java.util.Queue<String> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger holding = new java.util.concurrent.atomic.AtomicInteger();

    private PublisherProxy(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static PublisherProxy to(String target) {
        try {
            return new PublisherProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the test proxy on port " + PORT, e);
        }
    }

    /** Breaks the requests whose path contains {@code pathPart} ("" for all); all others are forwarded. */
    void breakWith(Mode newMode, String pathPart) {
        onlyPathsContaining = pathPart;
        mode = newMode;
    }

    void heal() {
        mode = Mode.FORWARD;
        onlyPathsContaining = "";
    }

    /** How many requests whose path contains {@code pathPart} arrived since {@link #forget()}. */
    int count(String pathPart) {
        return (int) seen.stream().filter(p -> p.contains(pathPart)).count();
    }

    void forget() {
        seen.clear();
    }

    /** How many requests {@link Mode#HOLD} holds now. */
    int holding() {
        return holding.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            seen.add(exchange.getRequestURI().getPath());
            Mode m = exchange.getRequestURI().getPath().contains(onlyPathsContaining) ? mode : Mode.FORWARD;
            if (m == Mode.HOLD) {
                holding.incrementAndGet();
                try {
                    for (int i = 0; i < 1200 && mode == Mode.HOLD; i++) {
                        sleep(50);
                    }
                } finally {
                    holding.decrementAndGet();
                }
            }
            switch (m) {
                case DROP -> {
                    return;
                }
                case ERROR_500 -> {
                    reply(exchange, 500, "Internal Server Error");
                    return;
                }
                case REFUSE_403 -> {
                    reply(
                            exchange,
                            403,
                            "{\"code\":\"INSTANCE_KEY_MISMATCH\",\"status\":403,"
                                    + "\"detail\":\"This instance ID is bound to another key\"}");
                    return;
                }
                default -> {}
            }
            HttpResponse<String> answer = forward(exchange);
            switch (m) {
                case GARBAGE_AFTER_FORWARD -> reply(exchange, 200, "<html>proxy error page</html>");
                case HANG_AFTER_FORWARD -> {
                    sleep(6000);
                    reply(exchange, answer.statusCode(), answer.body());
                }
                case BAD_SIGNATURE -> {
                    Matcher matcher = SIGNATURE.matcher(answer.body());
                    reply(
                            exchange,
                            answer.statusCode(),
                            matcher.replaceAll(r -> "\"signature\":\"" + ("A".equals(r.group(1)) ? "B" : "A")));
                }
                default -> reply(exchange, answer.statusCode(), answer.body());
            }
        }
    }

    private HttpResponse<String> forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
