package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "license",
        mixinStandardHelpOptions = true,
        description = "Create, change, revoke, delete, show, list and verify licenses.",
        subcommands = {
            LicenseCommands.Create.class,
            LicenseCommands.Update.class,
            LicenseCommands.Revoke.class,
            LicenseCommands.Delete.class,
            LicenseCommands.Show.class,
            LicenseCommands.ListLicenses.class,
            LicenseCommands.Verify.class
        })
final class LicenseCommands {

    private static final String LICENSES = "/api/v1/licenses";

    private static String path(String number) {
        return LICENSES + "/" + number;
    }

    /** Prints the license view the server answered with, after a one-line outcome. */
    private static void print(ServerOptions server, JsonValue answer, String outcome) {
        if (!server.printedJson(answer)) {
            JsonObject license = Json.object(answer, "the license from the server");
            server.out().printf(outcome + "%n%n", Json.text(license, "number"));
            server.out().print(LicenseView.format(license));
        }
    }

    /** The license terms that create and update share; what is not given is not sent. */
    static class Terms {

        @Option(names = "--edition", paramLabel = "EDITION", description = "Edition of the product, e.g. ADVANCED.")
        String edition;

        @Option(
                names = "--expires",
                paramLabel = "YYYY-MM-DD",
                converter = InputFormats.Day.class,
                description = "Last day the license is valid.")
        String expires;

        @Option(
                names = "--support-expires",
                paramLabel = "YYYY-MM-DD",
                converter = InputFormats.Day.class,
                description = "Last day of support and updates.")
        String supportExpires;

        @Option(
                names = "--quota-metric",
                paramLabel = "METRIC",
                converter = InputFormats.QuotaMetric.class,
                completionCandidates = InputFormats.QuotaMetrics.class,
                description = "What the quota counts: ${COMPLETION-CANDIDATES}.")
        String quotaMetric;

        @Option(
                names = "--quota",
                paramLabel = "Q",
                converter = InputFormats.Count.class,
                description = "Quota, in units of the metric.")
        Integer quota;

        @Option(
                names = "--max-activations",
                paramLabel = "M",
                converter = InputFormats.Count.class,
                description = "How many times the activation key may be used.")
        Integer maxActivations;

        Map<String, Object> members(Integer seats) {
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("edition", edition);
            members.put("seats", seats);
            members.put("quotaMetric", quotaMetric);
            members.put("quota", quota);
            members.put("expires", expires);
            members.put("supportExpires", supportExpires);
            members.put("maxActivations", maxActivations);
            return members;
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Create a license for an account. Prints the new license.")
    static final class Create implements Callable<Integer> {

        @Option(
                names = "--number",
                paramLabel = "N",
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit license number; the server picks one when not given.")
        String number;

        @Option(
                names = "--account",
                paramLabel = "NAME",
                required = true,
                description = "Account that holds the license.")
        String account;

        @Option(names = "--product", paramLabel = "P", description = "Product code, e.g. LICENTIA-SERVER.")
        String product;

        @Option(
                names = "--starts",
                paramLabel = "YYYY-MM-DD",
                converter = InputFormats.Day.class,
                description = "First day the license is valid.")
        String starts;

        @Option(
                names = "--seats",
                paramLabel = "S",
                required = true,
                converter = InputFormats.Count.class,
                description = "Number of seats.")
        Integer seats;

        @Mixin
        Terms terms;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("number", number);
            body.put("account", account);
            body.put("product", product);
            body.put("starts", starts);
            body.putAll(terms.members(seats));
            print(server, server.server().post(LICENSES, Json.body(body)), "License %s created.");
            return CliExit.OK;
        }
    }

    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Change the terms of a license; only the options given are changed. Prints the license.")
    static final class Update implements Callable<Integer> {

        @Parameters(
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit license number.")
        String number;

        @Option(
                names = "--seats",
                paramLabel = "S",
                converter = InputFormats.Count.class,
                description = "Number of seats.")
        Integer seats;

        @Mixin
        Terms terms;

        @Mixin
        ServerOptions.Caller server;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Map<String, Object> changes = terms.members(seats);
            changes.values().removeIf(Objects::isNull);
            if (changes.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Nothing to update: give at least one of --seats, --expires, "
                                + "--support-expires, --edition, --quota-metric, --quota, --max-activations");
            }
            print(server, server.server().patch(path(number), Json.body(changes)), "License %s updated.");
            return CliExit.OK;
        }
    }

    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete a license entered by mistake (publisher-admin). Its licensing records stay.")
    static final class Delete implements Callable<Integer> {

        @Parameters(
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit license number.")
        String number;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            server.server().delete(path(number));
            server.out().printf("License %s deleted.%n", number);
            return CliExit.OK;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Revoke a license. Activations stop being accepted.")
    static final class Revoke implements Callable<Integer> {

        @Parameters(
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit license number.")
        String number;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the audit trail.")
        String reason;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", reason);
            JsonValue answer = server.server().post(path(number) + "/revoke", Json.body(body));
            if (!server.printedJson(answer)) {
                server.out().printf("License %s revoked.%n", number);
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Show a license.",
                "With --json, prints the license with its signed document and signature, which 'license verify --file' checks."
            })
    static final class Show implements Callable<Integer> {

        @Parameters(
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit license number.")
        String number;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject answer = Json.object(server.server().get(path(number)), "the license from the server");
            if (!server.printedJson(answer)) {
                // The view comes wrapped with its signature; a bare view, as create and update answer, is shown as is.
                JsonValue view = answer.get("license");
                server.out().print(LicenseView.format(view instanceof JsonObject license ? license : answer));
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "List licenses, one page at a time.")
    static final class ListLicenses implements Callable<Integer> {

        @Option(names = "--account", paramLabel = "NAME", description = "Only this account's licenses.")
        String account;

        @Option(
                names = "--state",
                paramLabel = "STATE",
                converter = InputFormats.LicenseState.class,
                completionCandidates = InputFormats.LicenseStates.class,
                description = "Only licenses in this state: ${COMPLETION-CANDIDATES}.")
        String state;

        @Option(names = "--product", paramLabel = "P", description = "Only licenses of this product code.")
        String product;

        @Option(
                names = "--page",
                paramLabel = "N",
                converter = InputFormats.Count.class,
                description = "Page to show; the first is 0.")
        Integer page;

        @Option(
                names = "--size",
                paramLabel = "N",
                converter = InputFormats.Count.class,
                description = "Licenses per page.")
        Integer size;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("account", account);
            query.put("state", state);
            query.put("product", product);
            query.put("page", page);
            query.put("size", size);
            JsonObject answer = Json.object(server.server().get(LICENSES, query), "the license list from the server");
            if (!server.printedJson(answer)) {
                JsonArray items = Json.array(answer, "items");
                if (items.isEmpty()) {
                    server.out().println("No licenses.");
                } else {
                    server.out().print(LicenseView.table(items));
                }
                server.out()
                        .printf(
                                "Page %s, %d of %s licenses%n",
                                orElse(Json.text(answer, "page"), "0"),
                                items.size(),
                                orElse(Json.text(answer, "total"), "?"));
            }
            return CliExit.OK;
        }

        private static String orElse(String value, String fallback) {
            return value == null ? fallback : value;
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Check a license's Ed25519 signature against the server's published keys.",
                "The signature is checked here, not by the server. With --file, the license is read from a file "
                        + "saved with 'licentia license show NUMBER --json > FILE' and only the public keys are fetched.",
                "Exit code 7 when the signature does not match or the signing key is unknown."
            })
    static final class Verify implements Callable<Integer> {

        @Parameters(
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "8-digit license number.")
        String number;

        @Option(
                names = "--file",
                paramLabel = "FILE",
                description = "Read the license from FILE instead of the server.")
        Path file;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            // The keys are public, so a saved license can be checked without an account.
            LicentiaServer licentia = server.server();
            SignedLicense license = signedLicense(file == null ? licentia.get(path(number)) : read(file));
            if (!number.equals(license.number())) {
                throw new CliFailure(
                        CliExit.SIGNATURE_INVALID,
                        (file == null ? "the server" : file.toString()) + " holds license " + license.number()
                                + ", not " + number);
            }
            String publicKey = publicKey(licentia, license.keyId());
            boolean valid = license.isSignedBy(publicKey);
            if (server.json) {
                server.out()
                        .println(Json.pretty(jakarta.json.Json.createObjectBuilder()
                                .add("number", number)
                                .add("keyId", license.keyId())
                                .add("valid", valid)
                                .build()));
            } else if (valid) {
                server.out()
                        .printf(
                                "Signature valid: license %s, signed by key %s (%s).%n",
                                number, license.keyId(), license.algorithm() == null ? "Ed25519" : license.algorithm());
            } else {
                server.out().printf("Signature INVALID for license %s.%n", number);
            }
            return valid ? CliExit.OK : CliExit.SIGNATURE_INVALID;
        }

        private static JsonValue read(Path file) {
            try {
                return Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CliFailure(CliExit.CLIENT_ERROR, "cannot read " + file + ": " + e.getMessage());
            } catch (JsonException e) {
                throw new CliFailure(CliExit.CLIENT_ERROR, file + " is not JSON: " + e.getMessage());
            }
        }

        private SignedLicense signedLicense(JsonValue answer) {
            String source = file == null ? "the server's answer" : file.toString();
            try {
                return SignedLicense.from(Json.object(answer, source));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(
                        CliExit.SIGNATURE_INVALID,
                        "cannot verify license " + number + " from " + source + ": " + e.getMessage());
            }
        }

        private static String publicKey(LicentiaServer licentia, String keyId) {
            JsonObject answer = Json.object(licentia.get("/api/v1/keys"), "the key list from the server");
            if (answer.get("keys") instanceof JsonArray keys) {
                for (JsonValue key : keys) {
                    if (key instanceof JsonObject k
                            && keyId.equals(Json.text(k, "keyId"))
                            && Json.text(k, "publicKey") != null) {
                        return Json.text(k, "publicKey");
                    }
                }
            }
            throw new CliFailure(
                    CliExit.SIGNATURE_INVALID,
                    "key " + keyId + " that signed the license is not among the keys published by "
                            + licentia.baseUrl());
        }
    }
}
