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
 * database: a separate server (port offset 300) that this test starts and stops itself.
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
            Api.Reply created = admin.post("/api/v1/licenses",
                    "{\"number\":\"" + number + "\",\"account\":\"Example User\",\"seats\":11}");
            assertEquals(201, created.status(), created.body());
            String keyBefore = admin.get("/api/v1/keys").json().getJsonArray("keys").getJsonObject(0).getString("keyId");

            controller.stop(CONTAINER);
            controller.start(CONTAINER);

            Api.Reply after = admin.get("/api/v1/licenses/" + number);
            assertEquals(200, after.status(), after.body());
            assertEquals(11, after.json().getJsonObject("license").getInt("seats"));
            assertEquals(keyBefore, after.json().getJsonObject("signature").getString("keyId"),
                    "the signing key is kept across restarts");
            deployer.undeploy(DEPLOYMENT);
        } finally {
            controller.stop(CONTAINER);
        }
    }
}
