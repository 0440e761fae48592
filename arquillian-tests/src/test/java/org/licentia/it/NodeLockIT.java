package org.licentia.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licentia.client.activation.Activation;
import org.licentia.client.activation.ActivationStatus;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.DeactivationNotDeliveredException;
import org.licentia.client.activation.Installation;
import org.licentia.client.activation.InvalidActivationException;
import org.licentia.client.activation.InvalidComputerKeyException;
import org.licentia.client.activation.MachineFacts;
import org.licentia.client.activation.NodeLock;

/**
 * The client library's node-locked activation against the real server, as an application embeds
 * it: online and offline activation, offline and online validation, deactivation with a DVC.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeLockIT {

    private static final URI SERVER = URI.create(Api.BASE);
    private static Customer customer;
    private static String manager;
    private static List<byte[]> publisherKeys;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.licentiaEar();
    }

    @BeforeAll
    static void setUp() {
        customer = Customer.create("Node locks");
        manager = customer.user("manager", "license-manager");
        publisherKeys = Computer.publisherKeys(Api.anonymous());
    }

    private static NodeLock newComputer() {
        try {
            Installation installation = Installation.open(Files.createTempDirectory("licentia-node-lock"));
            return NodeLock.open(
                            installation,
                            publisherKeys,
                            new MachineFacts("linux", UUID.randomUUID().toString(), null, List.of()))
                    .withFeatureCatalog(Computer.defaultFeatureCatalog());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api staff() {
        return Api.as(manager, customer.password(manager));
    }

    @Test
    void activateOnlineValidateAndDeactivateOnline() {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        NodeLock computer = newComputer();

        Activation activation = computer.activateOnline(SERVER, key, "build-7", Map.of("site", "Berlin"));
        assertEquals(license, activation.license());
        assertEquals(activation.activationId(), computer.validate(key).activationId());
        assertEquals(
                ActivationStatus.ACTIVE, computer.validateOnline(SERVER, key).status());

        assertEquals(
                ActivationStatus.DEACTIVATED,
                computer.deactivateOnline(SERVER, key).status());
        assertEquals(
                InvalidActivationException.Reason.NOT_ACTIVATED,
                assertThrows(InvalidActivationException.class, () -> computer.validate(key))
                        .reason());
        assertEquals(
                ActivationStatus.DEACTIVATED,
                computer.validateOnline(SERVER, key).status());
        assertEquals(201, newComputerActivates(key), "the slot is free again");
    }

    @Test
    void activateOfflineWithAComputerKeyFromTheStaffAndDeactivateOfflineWithADvc() {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        NodeLock computer = newComputer();
        NodeLock other = newComputer();
        String forOther = staff().post(
                        "/api/v1/activations",
                        "{\"activationKey\":\"" + key + "\",\"computerId\":\"" + other.computerId() + "\"}")
                .json()
                .getString("computerKey");
        InvalidComputerKeyException elsewhere = assertThrows(
                InvalidComputerKeyException.class,
                () -> computer.activateOffline(key, forOther),
                "a computer key of another computer is refused");
        assertEquals(InvalidComputerKeyException.Reason.BAD_SIGNATURE, elsewhere.reason());
        assertEquals(
                InvalidActivationException.Reason.NOT_ACTIVATED,
                assertThrows(InvalidActivationException.class, () -> computer.validate(key))
                        .reason(),
                "nothing was kept");
        other.activateOffline(key, forOther);
        assertEquals(license, other.validate(key).license());

        DeactivationCode dvc = other.deactivateOffline(key);
        assertThrows(
                InvalidActivationException.class, () -> other.validate(key), "the key is gone before the code exists");
        Api.Reply confirmed = Api.anonymous().post("/api/v1/activations/deactivations", "{\"dvc\":\"" + dvc + "\"}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(
                ActivationStatus.DEACTIVATED, other.validateOnline(SERVER, key).status());

        String computerKey = staff().post(
                        "/api/v1/activations",
                        "{\"activationKey\":\"" + key + "\",\"computerId\":\"" + computer.computerId() + "\"}")
                .json()
                .getString("computerKey");
        computer.activateOffline(key, computerKey);
        assertEquals(
                ActivationStatus.ACTIVE, computer.validateOnline(SERVER, key).status());
    }

    @Test
    void aReleasedActivationStopsValidatingOnceTheComputerAsksTheServer() {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        NodeLock computer = newComputer();
        Activation activation = computer.activateOnline(SERVER, key, null, null);
        assertEquals(
                200,
                staff().delete("/api/v1/activations/" + activation.activationId())
                        .status());
        assertEquals(
                ActivationStatus.REVOKED, computer.validateOnline(SERVER, key).status());
        assertThrows(
                InvalidActivationException.class, () -> computer.validate(key), "a revoked computer key is deleted");
    }

    @Test
    void aDeactivationTheServerDidNotConfirmKeepsItsCodeForLater() {
        String license = customer.license(1);
        String key = Customer.activationKey(license);
        NodeLock computer = newComputer();
        computer.activateOnline(SERVER, key, null, null);
        DeactivationNotDeliveredException undelivered = assertThrows(
                DeactivationNotDeliveredException.class,
                () -> computer.deactivateOnline(URI.create("http://localhost:9"), key));
        assertThrows(InvalidActivationException.class, () -> computer.validate(key));
        Api.Reply later = Api.anonymous()
                .post("/api/v1/activations/deactivations", "{\"dvc\":\"" + undelivered.deactivationCode() + "\"}");
        assertEquals(200, later.status(), later.body());
    }

    private static int newComputerActivates(String key) {
        return Api.anonymous()
                .post("/api/v1/activations/online", Computer.fresh().body(key))
                .status();
    }
}
