package org.licentia.it;

import java.util.HashMap;
import java.util.Map;

/** A customer made fresh for one test at the publisher: its account, users and licenses. */
final class Customer {

    final String account;
    private final String suffix;
    private final Map<String, String> passwords = new HashMap<>();

    private Customer(String account, String suffix) {
        this.account = account;
        this.suffix = suffix;
    }

    static Customer create(String label) {
        String suffix = Api.uniqueNumber();
        Customer c = new Customer(label + " " + suffix, suffix);
        Api.Reply created = Api.admin().post("/api/v1/accounts", "{\"name\":\"" + c.account + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return c;
    }

    /** Adds a user with a role on this account and returns their e-mail. */
    String user(String name, String role) {
        String email = name + "." + suffix + "@company.example";
        String password = "pw-" + name + "-" + suffix;
        Api.Reply added = Api.admin()
                .post(
                        "/api/v1/users",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"account\":\"" + account
                                + "\",\"role\":\"" + role + "\"}");
        if (added.status() != 201) {
            throw new IllegalStateException(added.body());
        }
        passwords.put(email, password);
        return email;
    }

    String password(String email) {
        return passwords.get(email);
    }

    /** A new license of this account, valid until the end of 2027; returns its number. */
    String license(int seats) {
        return license(seats, "2026-01-01", "2027-12-31");
    }

    String license(int seats, String starts, String expires) {
        return license(null, seats, starts, expires);
    }

    /** A new license of {@code product} (null: the server's default product), valid until the end of 2027. */
    String license(String product, int seats) {
        return license(product, seats, "2026-01-01", "2027-12-31");
    }

    private String license(String product, int seats, String starts, String expires) {
        String number = Api.uniqueNumber();
        Api.Reply created = Api.admin()
                .post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number + "\",\"account\":\"" + account
                                + (product == null ? "" : "\",\"product\":\"" + product)
                                + "\",\"seats\":" + seats + ",\"starts\":\"" + starts + "\",\"expires\":\"" + expires
                                + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return number;
    }

    /**
     * A new license of {@code product} and {@code edition} (null: defaults) whose quota counts
     * {@code metric}, valid from 2026-01-01 to {@code expires}, with support to {@code supportExpires}.
     */
    String license(
            String product,
            String edition,
            int seats,
            String metric,
            int quota,
            String expires,
            String supportExpires) {
        return license(product, edition, seats, metric, quota, "2026-01-01", expires, supportExpires);
    }

    String license(
            String product,
            String edition,
            int seats,
            String metric,
            int quota,
            String starts,
            String expires,
            String supportExpires) {
        String number = Api.uniqueNumber();
        var body = jakarta.json.Json.createObjectBuilder()
                .add("number", number)
                .add("account", account)
                .add("seats", seats)
                .add("quotaMetric", metric)
                .add("quota", quota)
                .add("starts", starts)
                .add("expires", expires);
        if (product != null) {
            body.add("product", product);
        }
        if (edition != null) {
            body.add("edition", edition);
        }
        if (supportExpires != null) {
            body.add("supportExpires", supportExpires);
        }
        Api.Reply created = Api.admin().post("/api/v1/licenses", body.build().toString());
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        return number;
    }

    /** The activation key of a license, as the publisher's license view shows it. */
    static String activationKey(String number) {
        return Api.admin()
                .get("/api/v1/licenses/" + number)
                .json()
                .getJsonObject("license")
                .getString("activationKey");
    }

    /** Where the publisher says the license is registered (null: nowhere). */
    static String registeredInstance(String number) {
        var license = Api.admin().get("/api/v1/licenses/" + number).json().getJsonObject("license");
        return license.containsKey("registeredInstance") && !license.isNull("registeredInstance")
                ? license.getString("registeredInstance")
                : null;
    }
}
