package org.licentia.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.licentia.audit.control.RequestChannel;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.server.control.SignInAttempts;
import org.licentia.signing.boundary.KeyRollover;

/**
 * The on-prem instance's client of its upstream publisher (REST). Every failure becomes a
 * catalogue error: unreachable, timed out or 5xx is UPSTREAM_UNAVAILABLE, an answer that cannot be
 * read is UPSTREAM_INVALID_ANSWER, and the publisher's own refusals keep their code and message.
 *
 * <p>Credentials someone typed here are throttled here first, per e-mail and their address, like
 * any sign-in ({@link SignInAttempts}), so a guesser is slowed at the instance and what reaches the
 * publisher stays a trickle. They travel with this instance's signed word for that address, so the
 * publisher counts them against it too, not against this instance's own address.
 */
@ApplicationScoped
public class UpstreamPublisher {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(UpstreamPublisher.class.getName());

    /** A registration document as it travels: canonical bytes, signing key and signature. */
    public record SignedRegistration(String number, byte[] document, String keyId, String signature) {}

    /** One license's answer in a sync; {@code registration} only when VALID. */
    public record Verdict(String number, String status, SignedRegistration registration) {}

    /** Read on every call, so an admin can repoint or retune the upstream at run time (jboss-cli system property). */
    @Inject
    Config config;

    @Inject
    InstanceIdentity identity;

    /** Where the credentials being forwarded were typed. */
    @Inject
    RequestChannel served;

    private volatile HttpClient http;

    /** Whether this instance's publisher is this server's own publisher side (no upstream URL set). */
    public boolean isOwnPublisher() {
        return config.getOptionalValue("licentia.upstream.url", String.class)
                .filter(s -> !s.isBlank())
                .isEmpty();
    }

    /** The publisher's base URL; by default this server's own publisher side (the embedded default). */
    public String url() {
        String url = config.getOptionalValue("licentia.upstream.url", String.class)
                .filter(s -> !s.isBlank())
                .orElseGet(() -> "http://127.0.0.1:"
                        + (config.getOptionalValue("jboss.http.port", Integer.class)
                                        .orElse(8080)
                                + config.getOptionalValue("jboss.socket.binding.port-offset", Integer.class)
                                        .orElse(0)));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Duration timeout() {
        return config.getOptionalValue("licentia.upstream.timeout", String.class)
                .map(Duration::parse)
                .orElse(Duration.ofSeconds(60));
    }

    public void checkCredentials(Credentials who) {
        send(request("/api/v1/users/" + encode(who.email())).GET(), who, body -> body);
    }

    public List<String> candidates(Credentials who, String instanceId) {
        JsonObject answer =
                send(request("/api/v1/instances/" + instanceId + "/candidates").GET(), who, body -> body);
        List<String> numbers = new ArrayList<>();
        for (JsonValue v : answer.getJsonArray("items")) {
            numbers.add(v.asJsonObject().getString("number"));
        }
        return numbers;
    }

    /** Declarative: the instance should host exactly {@code numbers}, or every candidate when null. */
    public List<SignedRegistration> register(
            Credentials who, String instanceId, String publicKey, List<String> numbers) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (numbers != null) {
            numbers.forEach(list::add);
        }
        String body = Json.createObjectBuilder()
                .add("publicKey", publicKey)
                .add("implicit", numbers == null)
                .add("licenses", list)
                .build()
                .toString();
        JsonObject answer = send(
                request("/api/v1/instances/" + instanceId + "/registrations")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                who,
                b -> b);
        List<SignedRegistration> registrations = new ArrayList<>();
        for (JsonValue v : answer.getJsonArray("licenses")) {
            registrations.add(registration(v.asJsonObject()));
        }
        return registrations;
    }

    /** One batched, instance-signed validation of every hosted license. */
    public List<Verdict> validate(String instanceId, List<String> numbers, Function<byte[], String> sign) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        numbers.forEach(list::add);
        byte[] body = Json.createObjectBuilder()
                .add("licenses", list)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        String time = Instant.now().toString();
        JsonObject answer = send(
                request("/api/v1/instance-api/validation")
                        .header("Content-Type", "application/json")
                        .header(InstanceRequests.INSTANCE_HEADER, instanceId)
                        .header(InstanceRequests.TIME_HEADER, time)
                        .header(
                                InstanceRequests.SIGNATURE_HEADER,
                                sign.apply(InstanceRequests.message(instanceId, time, body)))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                null,
                b -> b);
        List<Verdict> verdicts = new ArrayList<>();
        for (JsonValue v : answer.getJsonArray("results")) {
            JsonObject r = v.asJsonObject();
            String status = r.getString("status");
            verdicts.add(new Verdict(
                    r.getString("number"),
                    status,
                    "VALID".equals(status) ? registration(r.getJsonObject("registration")) : null));
        }
        return verdicts;
    }

    /** Refuses unless {@code who} may return this instance's licenses at the publisher. */
    public void checkReturnRights(Credentials who, String instanceId) {
        send(request("/api/v1/instances/" + instanceId + "/return-rights").GET(), who, body -> body);
    }

    /** Carries a signed return (or cancel) request to the publisher; answers its signed response file. */
    public String processReturn(Credentials who, String requestFile) {
        return send(
                request("/api/v1/returns")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(requestFile)),
                who,
                JsonObject::toString);
    }

    /**
     * The publisher's response to this instance's return request, if it processed it: asked by the
     * instance itself (signed like a sync), so a return whose answer was lost finishes without a user.
     */
    public String returnResponse(String instanceId, String requestId, Function<byte[], String> sign) {
        byte[] body = requestId.getBytes(StandardCharsets.UTF_8);
        String time = Instant.now().toString();
        return send(
                request("/api/v1/instance-api/returns/" + requestId)
                        .header(InstanceRequests.INSTANCE_HEADER, instanceId)
                        .header(InstanceRequests.TIME_HEADER, time)
                        .header(
                                InstanceRequests.SIGNATURE_HEADER,
                                sign.apply(InstanceRequests.message(instanceId, time, body)))
                        .GET(),
                null,
                JsonObject::toString);
    }

    /** What the publisher lists: its keys (key ID to Base64 raw Ed25519 key) and its key rotations. */
    public record PublisherKeys(Map<String, String> keys, List<KeyRollover> rollovers) {}

    /** The publisher's verification keys and rollovers; trust them only as {@link PublisherTrust} does. */
    public PublisherKeys keys() {
        return send(request("/api/v1/instance-api/keys").GET(), null, answer -> {
            Map<String, String> keys = new HashMap<>();
            for (JsonValue v : answer.getJsonArray("keys")) {
                keys.put(v.asJsonObject().getString("keyId"), v.asJsonObject().getString("publicKey"));
            }
            List<KeyRollover> rollovers = new ArrayList<>();
            if (answer.get("rollovers") instanceof jakarta.json.JsonArray list) {
                for (JsonValue v : list) {
                    JsonObject r = v.asJsonObject();
                    rollovers.add(new KeyRollover(
                            r.getString("keyId"),
                            r.getString("previousKeyId"),
                            r.getString("document"),
                            r.getString("signature")));
                }
            }
            return new PublisherKeys(keys, rollovers);
        });
    }

    private static SignedRegistration registration(JsonObject o) {
        return new SignedRegistration(
                o.getString("number"),
                Base64.getDecoder().decode(o.getString("document")),
                o.getString("keyId"),
                o.getString("signature"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(timeout())
                .header("Accept", "application/json");
    }

    private <T> T send(HttpRequest.Builder request, Credentials who, Function<JsonObject, T> read) {
        if (who == null) {
            return exchange(request, null, read);
        }
        SignInAttempts attempts = SignInAttempts.shared();
        String typedAt = served.clientAddress();
        long wait = attempts.waitSeconds(who.email(), typedAt, Instant.now());
        if (wait > 0) {
            throw SignInAttempts.slowDown(wait);
        }
        String time = Instant.now().toString();
        request.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (who.email() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)))
                .header(InstanceRequests.INSTANCE_HEADER, identity.instanceId())
                .header(InstanceRequests.TIME_HEADER, time)
                .header(InstanceRequests.CLIENT_ADDRESS_HEADER, typedAt)
                .header(
                        InstanceRequests.SIGNATURE_HEADER,
                        identity.signBase64(InstanceRequests.message(
                                identity.instanceId(), time, InstanceRequests.forwardedSignIn(who.email(), typedAt))));
        try {
            T answer = exchange(request, who, read);
            attempts.succeeded(who.email(), typedAt);
            return answer;
        } catch (LicensingException refused) {
            if (refused.code() == ErrorCode.UNAUTHENTICATED) {
                attempts.failed(who.email(), typedAt, Instant.now());
            }
            throw refused;
        }
    }

    private <T> T exchange(HttpRequest.Builder request, Credentials who, Function<JsonObject, T> read) {
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // the client hears what kind of failure it was; the log keeps its cause, in one line
            LOG.warning(() -> "The publisher at " + url() + " cannot be reached: " + causes(e));
            throw new LicensingException(
                    ErrorCode.UPSTREAM_UNAVAILABLE, "The publisher at " + url() + " cannot be reached: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LicensingException(
                    ErrorCode.UPSTREAM_UNAVAILABLE, "Interrupted while asking the publisher at " + url());
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new LicensingException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The publisher at " + url() + " answered HTTP " + status + "; try again later");
        }
        JsonObject body;
        try {
            body = Json.createReader(new StringReader(response.body())).readObject();
        } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
            throw new LicensingException(
                    ErrorCode.UPSTREAM_INVALID_ANSWER,
                    "The publisher at " + url() + " answered HTTP " + status
                            + " with something that is not Licentia's JSON");
        }
        if (status >= 400) {
            throw refusal(status, body, who);
        }
        try {
            return read.apply(body);
        } catch (RuntimeException e) {
            throw new LicensingException(
                    ErrorCode.UPSTREAM_INVALID_ANSWER,
                    "The publisher at " + url() + " answered in a shape this instance does not understand");
        }
    }

    private LicensingException refusal(int status, JsonObject problem, Credentials who) {
        String detail = problem.get("detail") instanceof JsonString s ? s.getString() : "HTTP " + status;
        if (status == 401) {
            return new LicensingException(
                    ErrorCode.UNAUTHENTICATED,
                    "The publisher did not accept the e-mail and password" + (who == null ? "" : " of " + who.email()));
        }
        ErrorCode code = ErrorCode.UPSTREAM_REFUSED;
        if (problem.get("code") instanceof JsonString c) {
            try {
                code = ErrorCode.valueOf(c.getString());
            } catch (IllegalArgumentException unknown) {
                code = ErrorCode.UPSTREAM_REFUSED;
            }
        }
        Map<String, String> details = new HashMap<>();
        if (problem.get("details") instanceof JsonObject d) {
            d.forEach((k, v) -> details.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return new LicensingException(code, detail, details);
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            c = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            http = c;
        }
        return c;
    }

    /** The exception and its causes, each as its class and message, for one log line. */
    static String causes(Throwable e) {
        StringBuilder line = new StringBuilder();
        for (Throwable t = e; t != null && line.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            line.append(line.length() == 0 ? "" : " <- ").append(t);
        }
        return line.toString();
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.net.http.HttpTimeoutException
                ? "timed out"
                : e instanceof java.net.ConnectException ? "connection refused" : "network error";
        return kind;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
