package org.licentia.client.activation;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.licentia.client.http.ServerStandIn;

/**
 * The public activation API of docs/node-locked.md played by the JDK's HTTP server: activation 17 of
 * license 11554731, its computer key signed by {@link #publisher} for whatever activation key and
 * computer ID were sent; each call's answer replaceable by a test. Like the server, it never hands
 * out a deactivated activation again: once it confirmed a deactivation, the next activation is a new
 * one (18, 19, ...).
 */
final class ActivationServerStandIn extends ServerStandIn {

    static final Instant ISSUED = Instant.parse("2026-11-22T17:00:00Z");
    static final LocalDate EXPIRES = LocalDate.parse("2027-12-31");

    volatile Publisher publisher = new Publisher();
    /** The activation the next activation call returns. */
    final AtomicLong activationNumber = new AtomicLong(17);

    volatile Function<Request, Answer> activate = this::activated;
    volatile Function<Request, Answer> status = request -> Answer.json(
            200, "{\"status\":\"ACTIVE\",\"activationId\":\"17\",\"license\":\"11554731\",\"deactivatedAt\":null}");
    volatile Function<Request, Answer> deactivate = request -> Answer.json(
            200, activation(activationNumber.getAndIncrement(), "DEACTIVATED", "\"2026-11-23T08:00:00Z\"", null));

    ActivationServerStandIn() throws IOException {}

    static ComputerKey.Terms terms() {
        return terms(17);
    }

    static ComputerKey.Terms terms(long activationNumber) {
        return new ComputerKey.Terms(activationNumber, "11554731", ISSUED, EXPIRES, List.of("export"));
    }

    /** The computer key the stand-in's publisher issues for the activation key and computer ID of {@code request}. */
    String computerKey(Request request) {
        JsonObject body = request.json();
        return publisher
                .issue(
                        terms(activationNumber.get()),
                        ActivationKey.parse(body.getString("activationKey")),
                        ComputerId.parse(body.getString("computerId")))
                .toString();
    }

    private Answer activated(Request request) {
        return Answer.json(201, activation(activationNumber.get(), "ACTIVE", "null", computerKey(request)));
    }

    static String activation(String status, String deactivatedAt, String computerKey) {
        return activation(17, status, deactivatedAt, computerKey);
    }

    static String activation(long activationNumber, String status, String deactivatedAt, String computerKey) {
        return "{\"activationId\":\"" + activationNumber
                + "\",\"license\":\"11554731\",\"product\":\"DEMO\",\"computerId\":\"x\","
                + "\"computerName\":\"build-7\","
                + "\"fields\":{},\"status\":\"" + status
                + "\",\"activatedAt\":\"2026-11-22T17:00:00Z\",\"deactivatedAt\":" + deactivatedAt
                + ",\"expires\":\"2027-12-31\",\"features\":[\"export\"],\"computerKey\":"
                + (computerKey == null ? "null" : "\"" + computerKey + "\"") + ",\"selfHelpUrl\":null}";
    }

    @Override
    protected Answer route(Request request) {
        if (!request.method().equals("POST")) {
            return Answer.problem(405, "METHOD_NOT_ALLOWED", "POST only", null);
        }
        return switch (request.path()) {
            case "/api/v1/activations/online" -> activate.apply(request);
            case "/api/v1/activations/status" -> status.apply(request);
            case "/api/v1/activations/deactivations" -> deactivate.apply(request);
            default -> Answer.problem(404, "RESOURCE_NOT_FOUND", "No such resource", null);
        };
    }
}
