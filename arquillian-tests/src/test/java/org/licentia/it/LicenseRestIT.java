package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.document.DocumentSignature;

/** The publisher's license catalog over REST: the rules, the errors, the signatures and the audit trail. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LicenseRestIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    private final Api admin = Api.admin();

    private static String draft(String number, int seats) {
        return "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":" + seats
                + ",\"starts\":\"2026-01-01\",\"expires\":\"2027-06-30\"}";
    }

    @Test
    void createReadUpdateRevoke() {
        String number = Api.uniqueNumber();
        Api.Reply created = admin.post("/api/v1/licenses", draft(number, 7));
        assertEquals(201, created.status(), created.body());
        assertEquals(7, created.json().getInt("seats"));
        assertEquals("active", created.json().getString("state"));
        assertTrue(created.json()
                .getString("activationKey")
                .matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]"));

        JsonObject read = admin.get("/api/v1/licenses/" + number).json().getJsonObject("license");
        assertEquals("Example User", read.getString("account"));
        assertEquals("2027-06-30", read.getString("expires"));

        Api.Reply updated = admin.patch("/api/v1/licenses/" + number, "{\"seats\":12,\"expires\":\"2028-01-31\"}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals(12, updated.json().getInt("seats"));
        assertEquals(12, updated.json().getInt("quota"), "a quota that followed the seats keeps following them");
        assertEquals("2028-01-31", updated.json().getString("expires"));

        Api.Reply revoked = admin.post("/api/v1/licenses/" + number + "/revoke", "{\"reason\":\"contract ended\"}");
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals("revoked", revoked.json().getString("state"));

        Api.Reply again = admin.patch("/api/v1/licenses/" + number, "{\"seats\":1}");
        assertEquals(409, again.status());
        assertEquals("LICENSE_REVOKED", again.code());
        assertEquals(
                12,
                admin.get("/api/v1/licenses/" + number)
                        .json()
                        .getJsonObject("license")
                        .getInt("seats"));
    }

    @Test
    void everyChangeIsAudited() {
        String number = Api.uniqueNumber();
        admin.post("/api/v1/licenses", draft(number, 3));
        admin.patch("/api/v1/licenses/" + number, "{\"seats\":4}");
        List<JsonObject> records = admin.get("/api/v1/audit?itemType=license&itemId=" + number)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(
                List.of("license.update", "license.create"),
                records.stream().map(r -> r.getString("action")).toList());
        JsonObject update = records.get(0);
        assertEquals(Api.ADMIN, update.getString("actor"));
        assertEquals("REST", update.getString("channel"));
        assertTrue(update.getString("before").contains("\"seats\":3"), update.getString("before"));
        assertTrue(update.getString("after").contains("\"seats\":4"), update.getString("after"));
    }

    @Test
    void signedDocumentVerifiesOfflineAndRejectsTampering() {
        JsonObject body = admin.get("/api/v1/licenses/11554731").json();
        JsonObject signature = body.getJsonObject("signature");
        String keyId = signature.getString("keyId");
        String publicKey = admin.get("/api/v1/keys").json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("keyId").equals(keyId))
                .findFirst()
                .orElseThrow()
                .getString("publicKey");
        Map<String, Object> document = toJava(body.getJsonObject("document"));
        assertEquals(20L, document.get("seats"));
        assertTrue(DocumentSignature.verify(document, signature.getString("value"), publicKey));

        document.put("seats", 2000L);
        assertFalse(DocumentSignature.verify(document, signature.getString("value"), publicKey));
    }

    @Test
    void badInputIsRefusedWithATypedProblemAndChangesNothing() {
        String number = Api.uniqueNumber();
        expect(400, "INVALID_INPUT", admin.post("/api/v1/licenses", draft(number, -1)));
        expect(
                400,
                "EXPIRY_BEFORE_START",
                admin.post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number
                                + "\",\"account\":\"Example User\",\"seats\":1,\"starts\":\"2027-01-01\",\"expires\":\"2026-01-01\"}"));
        expect(400, "INVALID_LICENSE_NUMBER", admin.post("/api/v1/licenses", draft("12AB", 1)));
        expect(
                400,
                "MALFORMED_REQUEST",
                admin.post("/api/v1/licenses", "{\"number\": \"" + number + "\", \"seats\": "));
        Api.Reply text = admin.post(
                "/api/v1/licenses", "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":\"many\"}");
        expect(400, "INVALID_INPUT", text);
        assertEquals(
                "a whole number from 0 to 10000000",
                text.json().getJsonObject("details").getString("seats"));
        expect(
                400,
                "INVALID_INPUT",
                admin.post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number
                                + "\",\"account\":\"Example User\",\"seats\":1,\"expires\":\"31.12.2027\"}"));
        expect(
                404,
                "ACCOUNT_NOT_FOUND",
                admin.post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number + "\",\"account\":\"No Such Account\",\"seats\":1}"));
        expect(
                413,
                "PAYLOAD_TOO_LARGE",
                admin.post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number + "\",\"account\":\"" + "x".repeat(1_100_000) + "\",\"seats\":1}"));
        expect(
                400,
                "EDITION_LIMIT_EXCEEDED",
                admin.post(
                        "/api/v1/licenses",
                        "{\"number\":\"" + number
                                + "\",\"account\":\"Example User\",\"edition\":\"TRIAL\",\"seats\":5}"));
        expect(404, "LICENSE_NOT_FOUND", admin.get("/api/v1/licenses/" + number));

        expect(409, "LICENSE_NUMBER_TAKEN", admin.post("/api/v1/licenses", draft("11554731", 1)));
        assertEquals(
                20,
                admin.get("/api/v1/licenses/11554731")
                        .json()
                        .getJsonObject("license")
                        .getInt("seats"));
        expect(404, "LICENSE_NOT_FOUND", admin.get("/api/v1/licenses/00000001"));
        expect(404, "RESOURCE_NOT_FOUND", admin.get("/api/v1/no-such-thing"));
        expect(400, "INVALID_INPUT", admin.get("/api/v1/licenses?size=abc"));
    }

    @Test
    void authenticationAndRolesAreEnforced() {
        expect(401, "UNAUTHENTICATED", Api.anonymous().get("/api/v1/licenses/11554731"));
        expect(401, "UNAUTHENTICATED", Api.as(Api.ADMIN, "wrong-password").get("/api/v1/licenses/11554731"));

        Api manager1 = Api.as("example.user1@company.com", "1111111111");
        Api otherAccount = Api.as("example.user@company.com", "1234567890");
        assertEquals(200, manager1.get("/api/v1/licenses/11554731").status());
        // another account's license is, to this user, exactly a license that does not exist
        Api.Reply theirs = otherAccount.get("/api/v1/licenses/11554731");
        Api.Reply none = otherAccount.get("/api/v1/licenses/00000001");
        expect(404, "LICENSE_NOT_FOUND", theirs);
        assertEquals(none.body().replace("00000001", "11554731"), theirs.body());
        Api.Reply theirAccount = otherAccount.get("/api/v1/licenses?account=Example%20User%201");
        Api.Reply noAccount = otherAccount.get("/api/v1/licenses?account=No%20Such%20Account");
        expect(404, "ACCOUNT_NOT_FOUND", theirAccount);
        assertEquals(noAccount.body().replace("No Such Account", "Example User 1"), theirAccount.body());
        expect(403, "FORBIDDEN", manager1.post("/api/v1/licenses", draft(Api.uniqueNumber(), 1)));
        expect(403, "FORBIDDEN", manager1.post("/api/v1/accounts", "{\"name\":\"Sneaky\"}"));

        JsonObject own = otherAccount.get("/api/v1/licenses").json();
        for (JsonObject l : own.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertEquals("Example User", l.getString("account"), "a customer lists only its own licenses");
        }
    }

    @Test
    void accountsUsersAndRoles() {
        String name = "IT Account " + Api.uniqueNumber();
        assertEquals(
                201,
                admin.post("/api/v1/accounts", "{\"name\":\"" + name + "\"}").status());
        expect(409, "ACCOUNT_NAME_TAKEN", admin.post("/api/v1/accounts", "{\"name\":\"" + name + "\"}"));

        String email = "manager." + Api.uniqueNumber() + "@example.com";
        Api.Reply added = admin.post(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"password\":\"secret-123\",\"account\":\"" + name
                        + "\",\"role\":\"license-manager\"}");
        assertEquals(201, added.status(), added.body());
        Api manager = Api.as(email, "secret-123");
        assertEquals(
                name,
                manager.get("/api/v1/accounts")
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("name"));

        String deputy = "deputy." + Api.uniqueNumber() + "@example.com";
        assertEquals(
                201,
                manager.post(
                                "/api/v1/users",
                                "{\"email\":\"" + deputy + "\",\"password\":\"secret-456\",\"account\":\"" + name
                                        + "\",\"role\":\"viewer\"}")
                        .status());
        Api.Reply promoted = manager.put(
                "/api/v1/users/" + deputy + "/roles",
                "{\"account\":\"" + name + "\",\"roles\":[\"deputy-license-manager\"]}");
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals(
                "deputy-license-manager",
                promoted.json().getJsonArray("grants").getJsonObject(0).getString("role"));

        expect(
                403,
                "FORBIDDEN",
                manager.put("/api/v1/users/" + deputy + "/roles", "{\"roles\":[\"publisher-admin\"]}"));
        expect(
                409,
                "USER_EMAIL_TAKEN",
                admin.post(
                        "/api/v1/users",
                        "{\"email\":\"" + deputy + "\",\"password\":\"secret-789\",\"account\":\"" + name
                                + "\",\"role\":\"viewer\"}"));
        expect(
                400,
                "INVALID_INPUT",
                admin.post(
                        "/api/v1/users",
                        "{\"email\":\"not-an-email\",\"password\":\"secret-789\",\"account\":\"" + name
                                + "\",\"role\":\"viewer\"}"));
    }

    @Test
    void productsAndEditionsAreDefinedByThePublisher() {
        String code = "IT-" + Api.uniqueNumber();
        String product = "{\"code\":\"" + code + "\",\"name\":\"Integration Product\",\"editions\":["
                + "{\"code\":\"TRIAL\",\"name\":\"Trial\",\"maxSeats\":1,\"maxTermDays\":14,\"features\":[\"core\"]},"
                + "{\"code\":\"PRO\",\"name\":\"Pro\",\"isDefault\":true,\"features\":[\"core\",\"reports\"]}]}";
        Api.Reply created = admin.post("/api/v1/products", product);
        assertEquals(201, created.status(), created.body());
        assertEquals(2, created.json().getJsonArray("editions").size());
        expect(409, "PRODUCT_CODE_TAKEN", admin.post("/api/v1/products", product));
        expect(400, "INVALID_INPUT", admin.post("/api/v1/products", product.replace("\"isDefault\":true,", "")));
        expect(
                400,
                "INVALID_INPUT",
                admin.post("/api/v1/products", "{\"code\":\"lower case\",\"name\":\"x\",\"editions\":[]}"));
        expect(
                403,
                "FORBIDDEN",
                Api.as("example.user1@company.com", "1111111111")
                        .post("/api/v1/products", product.replace(code, code + "X")));

        String number = Api.uniqueNumber();
        Api.Reply license = admin.post(
                "/api/v1/licenses",
                "{\"number\":\"" + number + "\",\"account\":\"Example User\"," + "\"product\":\"" + code
                        + "\",\"seats\":4}");
        assertEquals(201, license.status(), license.body());
        assertEquals("PRO", license.json().getString("edition"), "the default edition");
        expect(
                400,
                "EDITION_LIMIT_EXCEEDED",
                admin.post(
                        "/api/v1/licenses",
                        "{\"account\":\"Example User\",\"product\":\"" + code
                                + "\",\"edition\":\"TRIAL\",\"seats\":1,\"starts\":\"2026-01-01\",\"expires\":\"2026-03-01\"}"));
        assertEquals(code, admin.get("/api/v1/products/" + code).json().getString("code"));
    }

    static void expect(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(code, reply.code(), reply.body());
        assertFalse(reply.body().contains("Exception"), "no class names reach the client: " + reply.body());
        assertFalse(reply.body().contains("\tat "), "no stack traces reach the client");
    }

    static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    private static Object toJava(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).longValueExact();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT -> toJava(v.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                v.asJsonArray().forEach(e -> list.add(toJava(e)));
                yield list;
            }
        };
    }

    @Test
    void revokesABatchAllOrNone() {
        Customer c = Customer.create("Batch revocation");
        String manager = c.user("manager", "license-manager");
        String a = c.license(1);
        String b = c.license(2);
        String missing = Api.uniqueNumber();
        Api admin = Api.admin();
        Api.Reply partly = admin.post(
                "/api/v1/licenses/batch/revocation",
                "{\"licenses\":[\"" + a + "\",\"" + b + "\",\"" + missing + "\"],\"reason\":\"order cancelled\"}");
        assertEquals(404, partly.status(), partly.body());
        assertEquals(
                "active",
                admin.get("/api/v1/licenses/" + a)
                        .json()
                        .getJsonObject("license")
                        .getString("state"));
        Api.Reply notAdmin = Api.as(manager, c.password(manager))
                .post("/api/v1/licenses/batch/revocation", "{\"licenses\":[\"" + a + "\"]}");
        assertEquals(403, notAdmin.status(), notAdmin.body());
        Api.Reply revoked = admin.post(
                "/api/v1/licenses/batch/revocation",
                "{\"licenses\":[\"" + b + "\",\"" + a + "\"],\"reason\":\"order cancelled\"}");
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(2, revoked.json().getJsonArray("licenses").size());
        assertEquals(
                "revoked",
                admin.get("/api/v1/licenses/" + b)
                        .json()
                        .getJsonObject("license")
                        .getString("state"));
        assertEquals(
                400,
                admin.post("/api/v1/licenses/batch/revocation", "{\"licenses\":[]}")
                        .status());
    }
}
