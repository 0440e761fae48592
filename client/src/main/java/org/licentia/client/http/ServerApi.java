package org.licentia.client.http;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The REST API of one Licentia server as a capability of the client library calls it: JSON in, the
 * body of a 2xx answer out, every other answer turned into the capability's own refusal and no
 * answer at all into its {@link ServerUnreachableException}, so that an application catches the
 * exceptions of the capability it uses and nothing else.
 */
public final class ServerApi {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String serverUrl;
    private final HttpClient http;
    private final Map<String, String> headers;
    private final Function<Problem, ? extends RuntimeException> refusal;
    private final BiFunction<String, IOException, ? extends ServerUnreachableException> unreachable;

    /**
     * @param serverUrl e.g. {@code https://licentia.example.com}; a trailing slash is dropped
     * @param headers sent with every request, e.g. {@code Authorization}; none for the calls that need no sign-in
     * @throws IllegalArgumentException when {@code serverUrl} is no http or https URL with a host
     */
    public ServerApi(
            String serverUrl,
            HttpClient http,
            Map<String, String> headers,
            Function<Problem, ? extends RuntimeException> refusal,
            BiFunction<String, IOException, ? extends ServerUnreachableException> unreachable) {
        this.serverUrl = checkedUrl(Objects.requireNonNull(serverUrl, "serverUrl"));
        this.http = Objects.requireNonNull(http, "http");
        this.headers = Map.copyOf(headers);
        this.refusal = refusal;
        this.unreachable = unreachable;
    }

    /** A client with the connect timeout the library uses everywhere. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    public String serverUrl() {
        return serverUrl;
    }

    /** The body of the answer for any 2xx status; {@code body} may be null for a request without one. */
    public String send(String method, String path, JsonObject body) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() >= 300) {
            throw refusal(path, response);
        }
        return response.body();
    }

    /**
     * The answer whatever its status, for a caller that reads more of it than {@link #send} does;
     * only no answer at all is thrown, as the capability's {@link ServerUnreachableException}.
     */
    public HttpResponse<String> exchange(String method, String path, JsonObject body) {
        String url = serverUrl + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(built, BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.net.http.HttpTimeoutException e) {
                throw unreachable.apply(serverUrl, e);
            } catch (IOException e) {
                // A kept-alive connection the server closed since its last use fails before any
                // answer; the JDK client tries a GET again itself, and an idempotent request (a
                // release is a DELETE) may be sent again as safely. A POST is never repeated.
                if (attempt == 1 && IDEMPOTENT.contains(method)) {
                    continue;
                }
                throw unreachable.apply(serverUrl, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable.apply(serverUrl, new InterruptedIOException("interrupted"));
            }
        }
    }

    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD", "PUT", "DELETE");

    /**
     * A request whose body or answer is not JSON (a license file is a zip): {@code body} sent as
     * {@code contentType} (none when null), the answer's bytes returned whatever its status.
     */
    public HttpResponse<byte[]> exchangeBytes(
            String method, String path, String contentType, byte[] body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl + path))
                .timeout(REQUEST_TIMEOUT.multipliedBy(4))
                .header("Accept", accept)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable.apply(serverUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable.apply(serverUrl, new InterruptedIOException("interrupted"));
        }
    }

    /** The capability's refusal that an error answer to the request for {@code path} stands for. */
    public RuntimeException refusal(String path, HttpResponse<String> response) {
        return refusal.apply(Problem.of(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body(),
                serverUrl + path));
    }

    /** The refusal an error answer of {@link #exchangeBytes} stands for. */
    public RuntimeException refusal(String path, int status, String contentType, byte[] body) {
        return refusal.apply(
                Problem.of(status, contentType, new String(body, StandardCharsets.UTF_8), serverUrl + path));
    }

    /** One path segment, so that an identifier cannot change the path. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * {@code url} without trailing slashes, once it is known to be an http or https URL with a host.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String checkedUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("expected http://host[:port] or https://host[:port], not " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        return url.replaceAll("/+$", "");
    }
}
