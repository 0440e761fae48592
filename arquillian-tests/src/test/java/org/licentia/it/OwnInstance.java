package org.licentia.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The server under test as its own on-prem instance (with no upstream configured, its publisher is
 * itself), which is where seats are leased: what the seat tests need of it. Licenses are added to
 * whatever it hosts already, so test classes never take each other's licenses away.
 */
final class OwnInstance {

    private OwnInstance() {}

    /** Hosts a new license of {@code customer} with {@code seats} seats; {@code manager} is a license-manager of its account. */
    static String host(Customer customer, String manager, int seats) {
        return host(customer, manager, customer.license(seats));
    }

    /**
     * Registers {@code number} next to the hosted ones, as 'licentia register -l' would after its
     * summary; when another test changed the hosted set in between, the summary is made again.
     */
    static String host(Customer customer, String manager, String number) {
        return host(Api.BASE, customer, manager, number);
    }

    /** The same on the instance at {@code base}, whose admin is the demo data's. */
    static String host(String base, Customer customer, String manager, String number) {
        for (int attempt = 0; attempt < 5; attempt++) {
            List<String> current = hostedNumbers(Api.as(base, Api.ADMIN, Api.ADMIN_PASSWORD));
            List<String> wanted = new ArrayList<>(current);
            wanted.add(number);
            String body = Json.createObjectBuilder()
                    .add("email", manager)
                    .add("password", customer.password(manager))
                    .add("licenses", array(wanted))
                    .add("expectedCurrent", array(current))
                    .build()
                    .toString();
            Api.Reply reply = Api.anonymous(base).post("/api/v1/registration", body);
            if (reply.status() == 200) {
                return number;
            }
            if (reply.status() != 409 || !"REGISTRATION_STATE_CHANGED".equals(reply.code())) {
                throw new IllegalStateException("Could not host " + number + ": " + reply.body());
            }
        }
        throw new IllegalStateException("The hosted licenses kept changing while hosting " + number);
    }

    static List<String> hostedNumbers() {
        return hostedNumbers(Api.admin());
    }

    /** The licenses the instance that {@code admin} signs in to hosts through online registration. */
    static List<String> hostedNumbers(Api admin) {
        return admin
                .get("/api/v1/hosted-licenses")
                .json()
                .getJsonArray("licenses")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(l -> "online".equals(l.getString("source")))
                .map(l -> l.getString("number"))
                .toList();
    }

    /** A product of its own with one edition that has {@code feature}, so that reserving by product can only find this test's licenses. */
    static String product(String feature) {
        String code = "SEATS-" + Api.uniqueNumber();
        Api.Reply created = Api.admin()
                .post(
                        "/api/v1/products",
                        "{\"code\":\"" + code + "\",\"name\":\"Seat test " + code + "\","
                                + "\"editions\":[{\"code\":\"STANDARD\",\"name\":\"Standard\",\"isDefault\":true,\"features\":[\""
                                + feature + "\"]}]}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return code;
    }

    /** A new client token, made by the administrator; its secret is in the answer only. */
    static String clientToken(String name) {
        Api.Reply created = Api.admin().post("/api/v1/client-tokens", "{\"name\":\"" + name + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return created.json().getString("token");
    }

    /** The ids of the license's leases, as the administrator sees them. */
    static List<String> leaseIds(String license) {
        return leases(license).stream().map(l -> l.getString("id")).toList();
    }

    static List<JsonObject> leases(String license) {
        Api.Reply reply = Api.admin().get("/api/v1/reservations?license=" + license);
        if (reply.status() != 200) {
            throw new IllegalStateException(reply.body());
        }
        return reply.json().getJsonArray("leases").getValuesAs(JsonObject.class);
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    /** Deregisters {@code number} alone, keeping the rest hosted. */
    static Api.Reply unhost(Customer customer, String manager, String number) {
        List<String> current = hostedNumbers();
        List<String> wanted = new ArrayList<>(current);
        wanted.remove(number);
        String body = Json.createObjectBuilder()
                .add("email", manager)
                .add("password", customer.password(manager))
                .add("licenses", array(wanted))
                .add("expectedCurrent", array(current))
                .build()
                .toString();
        return Api.anonymous().post("/api/v1/registration", body);
    }

    /** The default test server's management port (port offset 200). */
    private static final int MANAGEMENT_PORT = 10190;

    /** Sets a system property of the running test server (null removes it): the seat settings are read on every use. */
    static void setting(String name, String value) {
        ServerSettings.set(MANAGEMENT_PORT, name, value);
    }
}
