package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.licentia.client.activation.MalformedCodeException;
import org.licentia.client.licensefile.RequestCode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Request-key licensing, the seed's "Download" request code, the publisher's license file and the
 * "Upload License" of any node: the instance's admin gets the request code, the publisher turns it
 * into a license file, the admin uploads that file.
 */
final class LicenseFileCommands {

    private LicenseFileCommands() {}

    /** Larger files are refused by the server anyway; this stops reading a wrong file into memory. */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    @Command(
            name = "request-code",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Print this on-prem instance's request code (sign in as its admin), to send to the publisher",
                "for a license file. With -o, write it to a file instead, with a few comment lines."
            })
    static final class RequestCodeCommand implements Callable<Integer> {

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "Write the request code to FILE.")
        Path output;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject code =
                    Json.object(server.server().get("/api/v1/license-files/request-code"), "the request code");
            if (output != null) {
                write(output, code.getString("file").getBytes(StandardCharsets.UTF_8));
                server.out()
                        .println("Request code of instance " + code.getString("instanceId") + " written to " + output
                                + ".");
                return CliExit.OK;
            }
            if (!server.printedJson(code)) {
                server.out().println(code.getString("code"));
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "license-file",
            mixinStandardHelpOptions = true,
            description = "Make, upload and review license files (request-key licensing).",
            subcommands = {Create.class, Upload.class, Applied.class, TrustedKeys.class})
    static final class Group {}

    static final class Licenses {
        @Option(
                names = {"-l", "--licenses"},
                arity = "1..*",
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "The licenses to put in the file (8-digit numbers).")
        List<String> numbers;

        @Option(
                names = "--account",
                paramLabel = "NAME",
                description = "Instead of -l: all of this account's licenses that no instance hosts.")
        String account;

        void into(Map<String, Object> body) {
            if (numbers != null) {
                body.put("licenses", numbers);
            } else {
                body.put("account", account);
            }
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Publisher: make a license file for the instance of a request code. It holds the licenses given",
                "and every license the instance's earlier files gave it; each becomes registered to that instance."
            })
    static final class Create implements Callable<Integer> {

        @ArgGroup(multiplicity = "1")
        Code requestCode;

        static final class Code {
            @Option(names = "--request-code", paramLabel = "CODE", description = "The instance's request code.")
            String text;

            @Option(
                    names = "--request-code-file",
                    paramLabel = "FILE",
                    description = "The file `licentia request-code -o` wrote.")
            Path file;
        }

        @ArgGroup(multiplicity = "1")
        Licenses licenses;

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
            String code = requestCode.file != null ? text(requestCode.file) : requestCode.text;
            RequestCode parsed;
            try {
                parsed = RequestCode.parse(code);
            } catch (MalformedCodeException e) {
                throw new CliFailure(CliExit.USAGE, "request code: " + e.getMessage() + ". Nothing was sent.");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestCode", parsed.text());
            licenses.into(body);
            byte[] zip = server.server().postForFile("/api/v1/license-files", Json.body(body), "application/zip");
            write(output, zip);
            server.out()
                    .println("License file for instance " + parsed.instanceId() + " written to " + output + " ("
                            + zip.length + " bytes). Upload it on any node of that instance:");
            server.out().println("  licentia license-file upload " + output + " --url URL-OF-THE-INSTANCE");
            return CliExit.OK;
        }
    }

    @Command(
            name = "upload",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "On-prem: apply a license file on any node of the instance it was made for (sign in as its admin).",
                "It replaces the licenses of the previous file; an older file than the one applied is refused."
            })
    static final class Upload implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The license file (zip).")
        Path file;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            byte[] zip = read(file);
            JsonObject result = Json.object(
                    server.server().postFile("/api/v1/license-files/upload", "application/zip", zip),
                    "the upload's result");
            if (server.printedJson(result)) {
                return CliExit.OK;
            }
            var out = server.out();
            long serial = result.getJsonNumber("serial").longValue();
            if (result.getBoolean("alreadyApplied")) {
                out.println("License file " + serial + " is applied already. Nothing was changed.");
                return CliExit.OK;
            }
            out.println("License file " + serial + " applied.");
            printChanges(out, result);
            return CliExit.OK;
        }
    }

    /** The licenses a file (uploaded, or from a hardware key) added, updated and removed. */
    static void printChanges(java.io.PrintWriter out, JsonObject result) {
        printList(out, "Added:   ", result.getJsonArray("added"));
        printList(out, "Updated: ", result.getJsonArray("updated"));
        printList(out, "Removed: ", result.getJsonArray("removed"));
    }

    private static void printList(java.io.PrintWriter out, String label, JsonArray numbers) {
        if (!numbers.isEmpty()) {
            out.println(label + String.join(", ", numbers.getValuesAs(JsonString::getString)));
        }
    }

    @Command(
            name = "applied",
            mixinStandardHelpOptions = true,
            description = "On-prem: the license files applied on this instance, newest first.")
    static final class Applied implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer = server.server().get("/api/v1/license-files/applied");
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.object(answer, "the applied files").getJsonArray("files"),
                                "No license file has been applied on this instance.",
                                new String[] {"SERIAL", "ISSUED", "APPLIED", "BY", "LICENSES"},
                                f -> new String[] {
                                    f.get("serial").toString(),
                                    f.getString("issuedAt"),
                                    f.getString("appliedAt"),
                                    f.getString("appliedBy"),
                                    f.get("licenses").toString()
                                }));
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "trusted-keys",
            mixinStandardHelpOptions = true,
            description = "On-prem: the publisher keys this instance trusts, and where each trust comes from.")
    static final class TrustedKeys implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer = server.server().get("/api/v1/license-files/trusted-keys");
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.object(answer, "the trusted keys").getJsonArray("keys"),
                                "This instance trusts no publisher key yet.",
                                new String[] {"KEY ID", "PUBLIC KEY", "PINNED BY", "SINCE"},
                                k -> new String[] {
                                    k.getString("keyId"),
                                    k.getString("publicKey"),
                                    k.getString("pinnedBy"),
                                    k.getString("pinnedAt", "-")
                                }));
            }
            return CliExit.OK;
        }
    }

    static byte[] read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CliFailure(CliExit.USAGE, file + " is larger than a license file can be. Nothing was sent.");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliFailure(CliExit.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String text(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }

    /** Through a temporary file and a rename, so a failure never leaves half a file under the name. */
    static void write(Path target, byte[] content) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(dir, ".licentia-", ".part");
            try {
                Files.write(temp, content);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CliFailure(CliExit.CLIENT_ERROR, "cannot write " + target + ": " + e.getMessage());
        }
    }
}
