package org.licentia.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.Callable;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.QrCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Node-locked activations as the publisher's staff handle them (docs/node-locked.md): activate a
 * computer whose ID a customer sent, list a license's activations, release one for a computer that
 * was lost, and confirm a deactivation code a customer sent.
 */
@Command(
        name = "activation",
        mixinStandardHelpOptions = true,
        description = {
            "Create, list and release node-locked activations, and confirm deactivation codes (publisher staff).",
            "A customer's own computer uses 'licentia activate', 'validate', 'deactivate' and 'activation-request' instead."
        },
        subcommands = {
            ActivationCommands.Create.class,
            ActivationCommands.ListActivations.class,
            ActivationCommands.Release.class,
            ActivationCommands.ConfirmDeactivation.class
        })
final class ActivationCommands {

    private static final String ACTIVATIONS = "/api/v1/activations";

    private ActivationCommands() {}

    /** The one line that says which activation changed and how it stands. */
    private static String outcome(JsonObject activation) {
        return "activation " + Json.text(activation, "activationId") + " of license " + Json.text(activation, "license")
                + " for computer " + Json.text(activation, "computerId") + ": " + Json.text(activation, "status");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Activate a license for a computer whose ID the customer sent (offline activation by the vendor).",
                "Prints the computer key on stdout, for the customer to enter with "
                        + "'licentia activate --activation-key KEY --computer-key KEY'. Activating the same computer again returns "
                        + "its activation with a fresh key; it takes no second slot."
            })
    static final class Create implements Callable<Integer> {

        @Option(
                names = "--activation-key",
                paramLabel = "KEY",
                required = true,
                converter = InputFormats.TypedActivationKey.class,
                description = "The license's activation key.")
        ActivationKey activationKey;

        @Option(
                names = "--computer-id",
                paramLabel = "ID",
                required = true,
                converter = InputFormats.TypedComputerId.class,
                description = "The computer ID the customer sent ('licentia computer-id' prints it).")
        ComputerId computerId;

        @Option(
                names = "--computer-name",
                paramLabel = "NAME",
                description = "A name for the computer, e.g. its host name.")
        String computerName;

        @Option(
                names = "--field",
                paramLabel = "NAME=VALUE",
                description = "More information about the computer (repeatable).")
        Map<String, String> fields;

        @Option(
                names = "--qr",
                description = "Also print the computer key as a QR code, for a customer to scan off the screen.")
        boolean qr;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            var body = jakarta.json.Json.createObjectBuilder()
                    .add("activationKey", activationKey.toString())
                    .add("computerId", computerId.toString());
            if (computerName != null) {
                body.add("computerName", computerName);
            }
            if (fields != null && !fields.isEmpty()) {
                var members = jakarta.json.Json.createObjectBuilder();
                fields.forEach(members::add);
                body.add("fields", members);
            }
            JsonObject activation =
                    Json.object(server.server().post(ACTIVATIONS, body.build()), "the activation from the server");
            if (server.printedJson(activation)) {
                return CliExit.OK;
            }
            String computerKey = Json.text(activation, "computerKey");
            if (computerKey == null) {
                throw new CliFailure(CliExit.CLIENT_ERROR, "the server's answer holds no computer key");
            }
            server.out().println(computerKey);
            if (qr) {
                server.out().print(QrCode.of(computerKey).toText());
            }
            server.command.commandLine().getErr().println("Created " + outcome(activation) + ".");
            return CliExit.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "List the activations of a license, active or not.")
    static final class ListActivations implements Callable<Integer> {

        @Option(
                names = "--license",
                paramLabel = "NUMBER",
                required = true,
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit license number.")
        String license;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject answer = Json.object(
                    server.server().get(ACTIVATIONS, Map.of("license", license)),
                    "the activation list from the server");
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.array(answer, "activations"),
                                "No activations.",
                                new String[] {"ID", "COMPUTER ID", "NAME", "STATUS", "ACTIVATED", "DEACTIVATED"},
                                activation -> new String[] {
                                    orDash(Json.text(activation, "activationId")),
                                    orDash(Json.text(activation, "computerId")),
                                    orDash(Json.text(activation, "computerName")),
                                    orDash(Json.text(activation, "status")),
                                    orDash(Json.text(activation, "activatedAt")),
                                    orDash(Json.text(activation, "deactivatedAt"))
                                }));
            }
            return CliExit.OK;
        }

        private static String orDash(String text) {
            return text == null ? "-" : text;
        }
    }

    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Release an activation without a deactivation code, e.g. of a computer that was lost.",
                "Its status becomes REVOKED and its computer key fails online validation from then on."
            })
    static final class Release implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The activation, as 'licentia activation list' shows it.")
        String id;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer = server.server().delete(ACTIVATIONS + "/" + LicentiaServer.segment(id));
            if (!server.printedJson(answer)) {
                server.out().printf("Released %s.%n", outcome(Json.object(answer, "the activation from the server")));
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "confirm-deactivation",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Deactivate the activation a deactivation code (DVC) proves was given up, as a customer without a "
                        + "connection sends it.",
                "Needs no sign-in: the code is the proof. A code works once."
            })
    static final class ConfirmDeactivation implements Callable<Integer> {

        @Option(
                names = "--dvc",
                paramLabel = "CODE",
                required = true,
                converter = InputFormats.TypedDeactivationCode.class,
                description =
                        "The deactivation code, as 'licentia deactivate --offline' printed it; spaces and line breaks are fine.")
        DeactivationCode dvc;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject body = jakarta.json.Json.createObjectBuilder()
                    .add("dvc", dvc.toString())
                    .build();
            JsonValue answer = server.server().post(ACTIVATIONS + "/deactivations", body);
            if (!server.printedJson(answer)) {
                server.out()
                        .printf("Deactivated %s.%n", outcome(Json.object(answer, "the activation from the server")));
            }
            return CliExit.OK;
        }
    }
}
