package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Licenses, users and the signing key survive a real restart of WildFly (a new JVM) on the H2 file
 * database: a separate server (port offset 300) that this test starts and stops itself. The same
 * server, restarted with a user store that fails, shows what sign-in answers then.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

    static final String CONTAINER = "wildfly-restart";
    static final String DEPLOYMENT = "restart";
    static final String BASE = "http://localhost:8380";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @Test
    void dataAndSigningKeySurviveARestart() {
        controller.start(CONTAINER);
        try {
            deployer.deploy(DEPLOYMENT);
            Api admin = Api.as(BASE, Api.ADMIN, Api.ADMIN_PASSWORD);
            String number = Api.uniqueNumber();
            Api.Reply created = admin.post(
                    "/api/v1/licenses", "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":11}");
            assertEquals(201, created.status(), created.body());
            String keyBefore = admin.get("/api/v1/keys")
                    .json()
                    .getJsonArray("keys")
                    .getJsonObject(0)
                    .getString("keyId");

            controller.stop(CONTAINER);
            controller.start(CONTAINER);

            Api.Reply after = admin.get("/api/v1/licenses/" + number);
            assertEquals(200, after.status(), after.body());
            assertEquals(11, after.json().getJsonObject("license").getInt("seats"));
            assertEquals(
                    keyBefore,
                    after.json().getJsonObject("signature").getString("keyId"),
                    "the signing key is kept across restarts");
            deployer.undeploy(DEPLOYMENT);
        } finally {
            controller.stop(CONTAINER);
        }
    }

    /** Sign-in whose user store fails is the server's trouble (503, a Server fault), never "wrong password". */
    @Test
    void signInAnswers503WhileTheUserStoreFails() throws Exception {
        org.jboss.dmr.ModelNode realm = new org.jboss.dmr.ModelNode();
        realm.add("subsystem", "elytron").add("jdbc-realm", "licentia-realm");
        controller.start(CONTAINER);
        org.jboss.dmr.ModelNode working;
        try (var management = org.jboss.as.controller.client.ModelControllerClient.Factory.create("localhost", 10290)) {
            deployer.deploy(DEPLOYMENT);
            working =
                    management.execute(attribute(realm, "read-attribute", null)).get("result");
            org.jboss.dmr.ModelNode failing = working.clone();
            failing.get(0).get("sql").set("SELECT password_hash FROM no_such_table WHERE email = lower(?)");
            assertEquals(
                    "success",
                    management
                            .execute(attribute(realm, "write-attribute", failing))
                            .get("outcome")
                            .asString());
        }
        controller.stop(CONTAINER);
        controller.start(CONTAINER);
        try {
            Api.Reply rest = Api.as(BASE, Api.ADMIN, Api.ADMIN_PASSWORD).get("/api/v1/licenses");
            LicenseRestIT.expect(503, "SERVICE_UNAVAILABLE", rest);
            String get = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                    + "xmlns:v1=\"http://licentia.org/licensing/v1\"><soap:Header>%s</soap:Header><soap:Body><v1:getLicense>"
                    + "<v1:number>11554731</v1:number></v1:getLicense></soap:Body></soap:Envelope>";
            String token =
                    "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                            + "<wsse:UsernameToken><wsse:Username>" + Api.ADMIN + "</wsse:Username><wsse:Password>"
                            + Api.ADMIN_PASSWORD
                            + "</wsse:Password></wsse:UsernameToken></wsse:Security>";
            for (String[] soap : new String[][] {
                {String.format(get, token), null},
                {
                    String.format(get, ""),
                    "Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                }
            }) {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/soap/LicensingService"))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(soap[0]));
                if (soap[1] != null) {
                    request.header("Authorization", soap[1]);
                }
                var answer = java.net.http.HttpClient.newHttpClient()
                        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                org.junit.jupiter.api.Assertions.assertTrue(
                        answer.body().contains("<faultcode>soap:Server</faultcode>")
                                && answer.body().contains("SERVICE_UNAVAILABLE</"),
                        answer.statusCode() + " " + answer.body());
            }
        } finally {
            try (var management =
                    org.jboss.as.controller.client.ModelControllerClient.Factory.create("localhost", 10290)) {
                management.execute(attribute(realm, "write-attribute", working));
            }
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    private static org.jboss.dmr.ModelNode attribute(
            org.jboss.dmr.ModelNode address, String operation, org.jboss.dmr.ModelNode value) {
        org.jboss.dmr.ModelNode op = new org.jboss.dmr.ModelNode();
        op.get("operation").set(operation);
        op.get("address").set(address);
        op.get("name").set("principal-query");
        if (value != null) {
            op.get("value").set(value);
        }
        return op;
    }
}
