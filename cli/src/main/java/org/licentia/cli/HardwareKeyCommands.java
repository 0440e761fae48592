package org.licentia.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.licentia.pkcs11.TokenReading;
import org.licentia.pkcs11.TokenSlots;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Hardware (USB) key licensing. Publisher staff preload a key on a machine where it is plugged
 * in ({@code provision}) and make later license files for it ({@code license}); the instance's
 * admin checks the key status, copies the key's ID and installs its license ("Synchronize").
 */
final class HardwareKeyCommands {

    private HardwareKeyCommands() {}

    @Command(
            name = "hardware-key",
            mixinStandardHelpOptions = true,
            description = "Hardware (USB) key licensing: preload keys, see their status, install their license.",
            subcommands = {
                Provision.class,
                License.class,
                Retire.class,
                Status.class,
                Id.class,
                Sync.class,
                Uninstall.class
            })
    static final class Group {}

    @Command(
            name = "provision",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Publisher: preload a hardware key plugged into this machine. Makes the key pair on the token",
                "(EC P-256, never extractable) unless it has one, has the publisher sign a license bound to the",
                "key, and writes it onto the token. The licenses become registered to the key."
            })
    static final class Provision implements Callable<Integer> {

        @Option(
                names = "--pkcs11-library",
                required = true,
                paramLabel = "LIB",
                description = "The token's PKCS#11 module (SoftHSM2: /usr/lib/softhsm/libsofthsm2.so).")
        String library;

        @Option(names = "--token-label", required = true, paramLabel = "LABEL", description = "The token's label.")
        String label;

        @Option(
                names = "--pin-file",
                required = true,
                paramLabel = "FILE",
                description = "A file holding the token's user PIN (one line).")
        Path pinFile;

        @ArgGroup(multiplicity = "1")
        LicenseFileCommands.Licenses licenses;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            if (!TokenReading.KEY_LABEL.matcher(label).matches()) {
                throw new CliFailure(
                        CliExit.USAGE,
                        "--token-label: a key's label is 1 to 32 letters, digits, '.', '_' or '-'. Nothing was done.");
            }
            char[] pin = pin(pinFile);
            TokenSlots slots;
            TokenReading key;
            try {
                slots = TokenSlots.open(library);
                key = slots.provision(label, pin);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CliFailure(CliExit.CLIENT_ERROR, "hardware key: " + e.getMessage() + ". Nothing was sent.");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("keyId", key.keyId());
            body.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey()));
            licenses.into(body);
            byte[] zip = server.server().postForFile("/api/v1/hardware-keys", Json.body(body), "application/zip");
            try {
                slots.preload(label, pin, zip);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CliFailure(
                        CliExit.CLIENT_ERROR,
                        "hardware key: the publisher signed the license, but it could not be written to the key: "
                                + e.getMessage() + ". Run the command again: the publisher gives the key its licenses"
                                + " again in a newer file.");
            }
            server.out().println("Hardware key " + key.keyId() + " preloaded (" + zip.length + " bytes of license).");
            server.out().println("Plug it into a management node of the instance and run: licentia hardware-key sync");
            return CliExit.OK;
        }

        private static char[] pin(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (text.isEmpty() || text.length() > 256 || text.contains("\n")) {
                    throw new CliFailure(CliExit.USAGE, "--pin-file: the file must hold the PIN on one line.");
                }
                return text.toCharArray();
            } catch (IOException e) {
                throw new CliFailure(CliExit.USAGE, "--pin-file: " + e.getMessage());
            }
        }
    }

    @Command(
            name = "license",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Publisher: a license file bound to a preloaded key's ID (what an admin copied with",
                "'licentia hardware-key id'), to upload on the instance the key is plugged into."
            })
    static final class License implements Callable<Integer> {

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "The key's ID, SERIAL:LABEL.")
        String keyId;

        @ArgGroup(multiplicity = "1")
        LicenseFileCommands.Licenses licenses;

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "FILE",
                description = "Where to write the license file (a zip).")
        Path output;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            if (!TokenReading.isKeyId(keyId)) {
                throw new CliFailure(CliExit.USAGE, "--key-id: a key's ID is SERIAL:LABEL. Nothing was sent.");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("keyId", keyId);
            licenses.into(body);
            byte[] zip = server.server().postForFile("/api/v1/hardware-keys", Json.body(body), "application/zip");
            LicenseFileCommands.write(output, zip);
            server.out().println("License file for hardware key " + keyId + " written to " + output + ".");
            server.out()
                    .println("Upload it on the instance the key is plugged into: licentia license-file upload "
                            + output);
            return CliExit.OK;
        }
    }

    @Command(
            name = "retire",
            mixinStandardHelpOptions = true,
            description = {
                "Publisher: a lost or broken key. Frees its licenses, to be preloaded on another key; what the",
                "old key carries stays signed until the licenses' own expiry (revoke them to end that)."
            })
    static final class Retire implements Callable<Integer> {

        @Option(names = "--key-id", required = true, paramLabel = "ID", description = "The key's ID, SERIAL:LABEL.")
        String keyId;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            if (!TokenReading.isKeyId(keyId)) {
                throw new CliFailure(CliExit.USAGE, "--key-id: a key's ID is SERIAL:LABEL. Nothing was sent.");
            }
            JsonObject result = Json.object(
                    server.server()
                            .post(
                                    "/api/v1/hardware-keys/preloaded/" + LicentiaServer.segment(keyId) + "/retirement",
                                    jakarta.json.Json.createObjectBuilder().build()),
                    "the retirement");
            if (server.printedJson(result)) {
                return CliExit.OK;
            }
            var freed = result.getJsonArray("freed").getValuesAs(JsonString::getString);
            server.out()
                    .println("Hardware key " + keyId + " retired. "
                            + (freed.isEmpty() ? "It held no license." : "Freed: " + String.join(", ", freed)));
            return CliExit.OK;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = {
                "On-prem: the USB key status (Normal, Removed, Abnormal, Fault) across the management nodes,",
                "the keys in each node, and the buffer license. This node's slots are read now."
            })
    static final class Status implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer = server.server().get("/api/v1/hardware-keys/status");
            if (server.printedJson(answer)) {
                return CliExit.OK;
            }
            JsonObject s = Json.object(answer, "the key status");
            var out = server.out();
            out.println("USB key status:   " + word(s.getString("status")));
            out.println("Installed key:    "
                    + (absent(s, "installedKey")
                            ? "none"
                            : TerminalText.escaped(s.getString("installedKey")) + " (license "
                                    + s.get("installedSerial") + ")"));
            out.println("Licensing:        "
                    + (absent(s, "installedKey")
                            ? "no key's license installed (hardware-key sync installs it)"
                            : s.getBoolean("usable") ? "usable" : "not usable: the buffer license has ended"));
            out.println("Buffer license:   " + s.getInt("bufferDays") + " days"
                    + (absent(s, "bufferEndsAt") ? "" : ", ends " + s.getString("bufferEndsAt")));
            out.println();
            out.print(TextTable.of(
                    rows(s),
                    "No node has reported its keys.",
                    new String[] {"NODE", "STATUS", "KEY ID", "GENUINE", "LICENSES", "PROBLEM"},
                    r -> new String[] {
                        r.getString("node"),
                        r.getString("status"),
                        r.getString("keyId"),
                        r.getString("genuine"),
                        r.getString("licenses"),
                        r.getString("problem")
                    }));
            return CliExit.OK;
        }

        /** The server leaves out what has no value. */
        private static boolean absent(JsonObject o, String name) {
            return !o.containsKey(name) || o.isNull(name);
        }

        private static String word(String status) {
            return switch (status) {
                case "NORMAL" -> "Normal";
                case "REMOVED" -> "Removed";
                case "ABNORMAL" -> "Abnormal";
                case "FAULT" -> "Fault";
                default -> TerminalText.escaped(status);
            };
        }

        /** One row per key, or one per node that holds none. */
        private static jakarta.json.JsonArray rows(JsonObject s) {
            var rows = jakarta.json.Json.createArrayBuilder();
            for (JsonObject n : s.getJsonArray("nodes").getValuesAs(JsonObject.class)) {
                String node = n.getString("node") + (n.getBoolean("live") ? "" : " (silent)");
                String status = word(n.getString("status"));
                if (n.getJsonArray("keys").isEmpty()) {
                    rows.add(row(node, status, "-", "-", "-", "-"));
                }
                for (JsonObject k : n.getJsonArray("keys").getValuesAs(JsonObject.class)) {
                    rows.add(row(
                            node,
                            status,
                            k.getString("keyId"),
                            k.getBoolean("genuine") ? "yes" : "no",
                            String.join(",", k.getJsonArray("licenses").getValuesAs(JsonString::getString)),
                            absent(k, "problem") ? "-" : k.getString("problem")));
                }
            }
            return rows.build();
        }

        private static JsonObject row(String... values) {
            String[] names = {"node", "status", "keyId", "genuine", "licenses", "problem"};
            var o = jakarta.json.Json.createObjectBuilder();
            for (int i = 0; i < names.length; i++) {
                o.add(names[i], values[i].isEmpty() ? "-" : values[i]);
            }
            return o.build();
        }
    }

    @Command(
            name = "id",
            mixinStandardHelpOptions = true,
            description = "On-prem: print the ID of the key plugged in (Copy USB Key ID), to apply for its license.")
    static final class Id implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer = server.server().get("/api/v1/hardware-keys/ids");
            if (server.printedJson(answer)) {
                return CliExit.OK;
            }
            List<String> ids =
                    Json.object(answer, "the key IDs").getJsonArray("keyIds").getValuesAs(JsonString::getString);
            if (ids.isEmpty()) {
                throw new CliFailure(CliExit.NOT_FOUND, "No hardware key is plugged into a management node.");
            }
            ids.forEach(id -> server.out().println(TerminalText.escaped(id)));
            return CliExit.OK;
        }
    }

    @Command(
            name = "sync",
            mixinStandardHelpOptions = true,
            description = "On-prem: install the license preloaded on the one key plugged in (Synchronize).")
    static final class Sync implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject result = Json.object(
                    server.server()
                            .post(
                                    "/api/v1/hardware-keys/sync",
                                    jakarta.json.Json.createObjectBuilder().build()),
                    "the synchronization");
            if (server.printedJson(result)) {
                return CliExit.OK;
            }
            long serial = result.getJsonNumber("serial").longValue();
            if (result.getBoolean("alreadyApplied")) {
                server.out().println("The key's license " + serial + " is installed already. Nothing was changed.");
                return CliExit.OK;
            }
            server.out().println("The key's license " + serial + " is installed.");
            LicenseFileCommands.printChanges(server.out(), result);
            return CliExit.OK;
        }
    }

    @Command(
            name = "uninstall",
            mixinStandardHelpOptions = true,
            description = {
                "On-prem: remove the installed key's licenses from this instance (before the key moves to another",
                "instance for good). The key keeps its license."
            })
    static final class Uninstall implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject result = Json.object(server.server().delete("/api/v1/hardware-keys/installed"), "the removal");
            if (server.printedJson(result)) {
                return CliExit.OK;
            }
            var removed = result.getJsonArray("removed").getValuesAs(JsonString::getString);
            server.out()
                    .println(
                            removed.isEmpty()
                                    ? "No hardware key license was installed. Nothing was changed."
                                    : "Removed: " + String.join(", ", removed));
            return CliExit.OK;
        }
    }
}
