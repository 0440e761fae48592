package org.licentia.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.ComputerKey;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.Installation;
import org.licentia.client.activation.MachineFacts;

/** A computer for activation tests: its own installation key and machine identifier, so each has its own computer ID. */
final class Computer {

    final Installation installation;
    final ComputerId id;

    private Computer(Installation installation, ComputerId id) {
        this.installation = installation;
        this.id = id;
    }

    static Computer fresh() {
        try {
            Installation installation = Installation.open(Files.createTempDirectory("licentia-computer"));
            MachineFacts facts =
                    new MachineFacts("linux", UUID.randomUUID().toString().replace("-", ""), null, List.of());
            return new Computer(installation, ComputerId.of(facts, installation));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Deactivation Verification Code this computer makes when it gives up {@code activationId}. */
    String dvc(String activationId) {
        return dvc(activationId, Instant.now());
    }

    String dvc(String activationId, Instant time) {
        return DeactivationCode.create(installation, activationId, id, time).toString();
    }

    /** Checks the computer key as the client library does offline, with the keys the publisher publishes. */
    ComputerKey verify(String computerKey, String activationKey) {
        ComputerKey key = ComputerKey.parse(computerKey, featureCatalog(activationKey));
        key.verify(ActivationKey.parse(activationKey), id, publisherKeys(Api.anonymous()));
        return key;
    }

    /**
     * The feature catalog compact computer keys of this activation key grant features by, as the
     * server gives it to whoever holds the key (what an application compiles in).
     */
    static List<String> featureCatalog(String activationKey) {
        Api.Reply answer = Api.anonymous()
                .postAnonymous("/api/v1/activations/feature-catalog", "{\"activationKey\":\"" + activationKey + "\"}");
        if (answer.status() != 200) {
            throw new IllegalStateException(answer.body());
        }
        return answer.json().getJsonArray("featureCatalog").getValuesAs(jakarta.json.JsonString::getString);
    }

    /** The default product's feature catalog, from the publisher's product list. */
    static List<String> defaultFeatureCatalog() {
        return Api.admin().get("/api/v1/products").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getBoolean("isDefault"))
                .findFirst()
                .orElseThrow()
                .getJsonArray("featureCatalog")
                .getValuesAs(jakarta.json.JsonString::getString);
    }

    static List<byte[]> publisherKeys(Api api) {
        return api.get("/api/v1/activations/keys").json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> Base64.getDecoder().decode(k.getString("publicKey")))
                .toList();
    }

    String body(String activationKey) {
        return "{\"activationKey\":\"" + activationKey + "\",\"computerId\":\"" + id + "\"}";
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
