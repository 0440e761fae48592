package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ActivationRefusedException;
import org.licentia.client.activation.Installation;
import org.licentia.client.activation.InvalidActivationException;
import org.licentia.client.activation.InvalidComputerKeyException;
import org.licentia.client.activation.NodeLock;
import org.licentia.client.http.ServerUnreachableException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that act on this computer's activations, as an application would:
 * they go through the client library's {@link NodeLock}, so the CLI keeps and checks computer keys
 * exactly as an application does. No sign-in: the activation key is the proof.
 *
 * <p>{@code --url} has no localhost default here, unlike the staff commands': this computer is
 * rarely the license server, and the offline commands must not reach out when it is not given.
 */
final class NodeLockOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:LICENTIA_URL}",
            description = "Licentia server (env LICENTIA_URL).")
    String url;

    @Mixin
    InstallationOption installation;

    @Option(
            names = "--feature-catalog",
            paramLabel = "FEATURE",
            split = ",",
            description = "The product's feature catalog, in the publisher's order (featureCatalog of "
                    + "GET /api/v1/products/CODE): compact computer keys grant features by their place in it. "
                    + "Without it, the one this installation remembers, or else the server's (with --url).")
    List<String> featureCatalog;

    /** The server, which this command cannot do without. */
    URI requiredUrl(String forWhat) {
        if (url == null || url.isBlank()) {
            throw new ParameterException(command.commandLine(), "Give --url or set LICENTIA_URL: " + forWhat);
        }
        return url();
    }

    /** The server, or null when none was given. */
    URI url() {
        if (url == null || url.isBlank()) {
            return null;
        }
        ServerOptions.checkUrl(command, url);
        return URI.create(url.replaceAll("/+$", ""));
    }

    /**
     * The keys computer keys are checked with: those given, or else those the server publishes.
     * Fetching them is the one call an offline command makes, so it says how to do without.
     */
    List<byte[]> publisherKeys(PublisherKeyOption given) {
        if (given.publicKeys != null && !given.publicKeys.isEmpty()) {
            return given.publicKeys;
        }
        URI server = url();
        if (server == null) {
            throw new ParameterException(
                    command.commandLine(),
                    "Give the publisher's --public-key, or --url (or LICENTIA_URL) to fetch the keys the server publishes");
        }
        JsonValue answer;
        try {
            answer = new LicentiaServer(server.toString(), null, null, null).get("/api/v1/keys");
        } catch (CliFailure e) {
            throw new CliFailure(
                    e.exitCode(),
                    "cannot fetch the publisher's keys: " + e.getMessage()
                            + (e.exitCode() == CliExit.UNREACHABLE
                                    ? "; without a connection, give them with --public-key"
                                    : ""));
        }
        List<byte[]> keys = new ArrayList<>();
        JsonObject list = Json.object(answer, "the key list from the server");
        if (list.get("keys") instanceof JsonArray array) {
            for (JsonValue key : array) {
                String text = key instanceof JsonObject k ? Json.text(k, "publicKey") : null;
                try {
                    byte[] raw =
                            text == null ? new byte[0] : Base64.getDecoder().decode(text);
                    if (raw.length == 32) {
                        keys.add(raw);
                    }
                } catch (IllegalArgumentException notBase64) {
                    // Not a key this CLI can use; the others may be.
                }
            }
        }
        if (keys.isEmpty()) {
            throw new CliFailure(CliExit.CLIENT_ERROR, server + " publishes no Ed25519 keys at /api/v1/keys");
        }
        return keys;
    }

    Installation openInstallation() {
        return installation.open();
    }

    NodeLock open(List<byte[]> publisherKeys) {
        return NodeLock.open(openInstallation(), publisherKeys);
    }

    /**
     * As an application would, with its product's feature catalog: the one given, or the one this
     * installation remembers for the activation key, or else the one the server gives for it. The
     * catalog used is remembered, so that offline commands later read the key's features too.
     */
    NodeLock open(List<byte[]> publisherKeys, ActivationKey activationKey) {
        Installation opened = openInstallation();
        Path remembered = opened.directory().resolve("feature-catalog-" + activationKey.toString() + ".txt");
        List<String> catalog = featureCatalog;
        try {
            if (catalog == null && Files.isRegularFile(remembered)) {
                catalog = Files.readAllLines(remembered, StandardCharsets.UTF_8);
            }
            if (catalog == null && url() != null) {
                catalog = serverCatalog(activationKey);
            }
            if (catalog != null) {
                Files.write(remembered, catalog, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CliFailure(CliExit.CLIENT_ERROR, "cannot keep the feature catalog: " + e.getMessage());
        }
        NodeLock lock = NodeLock.open(opened, publisherKeys);
        return catalog == null ? lock : lock.withFeatureCatalog(catalog);
    }

    /** The server's catalog for the key; null when it cannot say (the command then fails as it would offline). */
    private List<String> serverCatalog(ActivationKey activationKey) {
        try {
            JsonObject answer = Json.object(
                    new LicentiaServer(url().toString(), null, null, null)
                            .post(
                                    "/api/v1/activations/feature-catalog",
                                    jakarta.json.Json.createObjectBuilder()
                                            .add("activationKey", activationKey.toString())
                                            .build()),
                    "the feature catalog from the server");
            return answer.get("featureCatalog") instanceof JsonArray list
                    ? list.getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString)
                            .toList()
                    : null;
        } catch (CliFailure unanswered) {
            return null;
        }
    }

    /**
     * Runs one call of the client library, turning its failures into the CLI's exit codes: a refusal
     * like any server error, a computer key that does not verify as exit 7, an activation this
     * computer may not use by its reason.
     */
    <T> T call(NodeLock lock, Function<NodeLock, T> operation) {
        try {
            return operation.apply(lock);
        } catch (ActivationRefusedException e) {
            throw new CliFailure(CliExit.forStatus(e.status()), e.getMessage());
        } catch (ServerUnreachableException e) {
            throw new CliFailure(CliExit.UNREACHABLE, e.getMessage());
        } catch (InvalidComputerKeyException e) {
            throw new CliFailure(
                    CliExit.SIGNATURE_INVALID,
                    "computer key refused: " + e.getMessage()
                            + (e.reason() == InvalidComputerKeyException.Reason.FEATURE_CATALOG_MISMATCH
                                    ? "; give the product's --feature-catalog, or --url to ask the server for it"
                                    : ""));
        } catch (InvalidActivationException e) {
            throw new CliFailure(exitCode(e.reason()), e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliFailure(CliExit.CLIENT_ERROR, e.getMessage());
        }
    }

    static int exitCode(InvalidActivationException.Reason reason) {
        return switch (reason) {
            case NOT_ACTIVATED -> CliExit.NOT_FOUND;
            case OTHER_COMPUTER, UNKNOWN_PUBLISHER_KEY, BAD_SIGNATURE -> CliExit.SIGNATURE_INVALID;
            // Like a lease that ended: the activation was good and time moved past it, or the clock was moved,
            // or it was given up (deactivated here, or deactivated or revoked on the server).
            case EXPIRED, CLOCK_ROLLED_BACK, DEACTIVATED -> CliExit.CONFLICT;
        };
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    PrintWriter err() {
        return command.commandLine().getErr();
    }
}
