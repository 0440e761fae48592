package org.licentia.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * The test server as its own on-prem instance for seat tests: hosts a customer's licenses next to
 * whatever it already hosts, makes client tokens, and changes the server's settings at run time.
 */
final class SeatHosting {

    /** The default test server's management port (port offset 200). */
    private static final int MANAGEMENT_PORT = 10190;

    private SeatHosting() {
    }

    static List<String> hosted() {
        List<String> numbers = new ArrayList<>();
        Api.admin().get("/api/v1/hosted-licenses").json().getJsonArray("licenses")
                .forEach(v -> numbers.add(((JsonObject) v).getString("number")));
        return numbers;
    }

    /** Registers {@code number} on the instance with the customer's license manager, keeping the rest. */
    static void host(String email, String password, String number) {
        List<String> current = hosted();
        List<String> wanted = new ArrayList<>(current);
        wanted.add(number);
        apply(email, password, wanted, current);
    }

    static Api.Reply unhost(String email, String password, String number) {
        List<String> current = hosted();
        List<String> wanted = new ArrayList<>(current);
        wanted.remove(number);
        return Api.anonymous().postAnonymous("/api/v1/registration", body(email, password, wanted, current));
    }

    private static void apply(String email, String password, List<String> wanted, List<String> current) {
        Api.Reply applied = Api.anonymous().postAnonymous("/api/v1/registration", body(email, password, wanted, current));
        if (applied.status() != 200) {
            throw new IllegalStateException(applied.body());
        }
    }

    private static String body(String email, String password, List<String> licenses, List<String> expectedCurrent) {
        return Json.createObjectBuilder().add("email", email).add("password", password).add("licenses", array(licenses))
                .add("expectedCurrent", array(expectedCurrent)).build().toString();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    static String clientToken(String name) {
        Api.Reply created = Api.admin().post("/api/v1/client-tokens", "{\"name\":\"" + name + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.json().getString("token");
    }

    /** Sets a system property of the running test server (null removes it): the settings are read on every use. */
    static void setting(String name, String value) {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("localhost", MANAGEMENT_PORT)) {
            ModelNode remove = new ModelNode();
            remove.get("operation").set("remove");
            remove.get("address").add("system-property", name);
            client.execute(remove);
            if (value != null) {
                ModelNode add = new ModelNode();
                add.get("operation").set("add");
                add.get("address").add("system-property", name);
                add.get("value").set(value);
                ModelNode result = client.execute(add);
                if (!"success".equals(result.get("outcome").asString())) {
                    throw new IllegalStateException(result.toString());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> strings(JsonObject o, String array) {
        return o.getJsonArray(array).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
