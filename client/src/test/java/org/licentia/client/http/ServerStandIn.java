package org.licentia.client.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Licentia server's REST API played by the JDK's HTTP server on a free loopback port, for the
 * tests of the capabilities that call it: each stand-in says how it answers ({@link #route}), and
 * this keeps every request it got. A stand-in that fails answers 500 with the failure as its body.
 */
public abstract class ServerStandIn implements AutoCloseable {

    public record Request(String method, String path, String authorization, String body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    public record Answer(int status, String contentType, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }

        public static Answer problem(int status, String code, String detail, String details) {
            return new Answer(
                    status,
                    "application/problem+json",
                    "{\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\""
                            + (details == null ? "" : ",\"details\":" + details) + "}");
        }
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public final URI url;
    private final HttpServer server;

    protected ServerStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    protected abstract Answer route(Request request);

    /** The requests of {@code method} whose path ends with {@code pathEnd}. */
    public List<Request> requests(String method, String pathEnd) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd))
                .toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Request request = new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        Answer answer;
        try {
            answer = route(request);
        } catch (RuntimeException bug) {
            answer = new Answer(500, "text/plain", String.valueOf(bug));
        }
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
