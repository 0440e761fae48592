package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Console;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Registering licenses on an on-prem instance, with the publisher account's credentials and the
 * messages of the on-prem license server documentation: implicit registration when the instance is
 * empty, explicit lists with a Registration Change Summary to confirm, and deregistration.
 */
final class RegistrationCommands {

    private RegistrationCommands() {}

    static final String RIGHTS_NOTE =
            "*** Note: You might be removing licenses, which this account, %s, does not have rights to! ***";
    static final String RIGHTS_CONSEQUENCE =
            "If so, those licenses can't be re-registered back anymore using this account.";

    /** Asks on the terminal; without one, only {@code --yes} confirms. */
    static final class Confirmation {
        @Option(
                names = {"-y", "--yes"},
                description = "Confirm without asking (needed when there is no terminal).")
        boolean yes;

        boolean confirmed(ServerOptions server, String question) {
            server.out().println("? " + question);
            server.out().flush();
            if (yes) {
                return true;
            }
            Console console = System.console();
            if (console == null) {
                throw new CliFailure(
                        CliExit.USAGE,
                        "confirmation required, and there is no terminal to ask on: run again with -y/--yes to confirm. Nothing was changed.");
            }
            String answer = console.readLine("(yes/no) ");
            return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
        }
    }

    @Command(
            name = "register",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Register licenses on an on-prem instance, with your publisher account's e-mail and password.",
                "Without -l, registers all of your account's licenses that no instance hosts; allowed only while the instance hosts none.",
                "With -l, the instance will host exactly the listed licenses: a change summary is shown and must be confirmed.",
                "Leaving licenses out (removing them) needs your role on an account whose licenses the instance hosts already."
            })
    static final class Register implements Callable<Integer> {

        @Option(
                names = {"-l", "--licenses"},
                arity = "1..*",
                paramLabel = "NUMBER",
                converter = InputFormats.LicenseNumber.class,
                description = "The licenses the instance should host (8-digit numbers).")
        List<String> licenses;

        @Mixin
        ServerOptions.Caller server;

        @Mixin
        Confirmation confirmation;

        @Override
        public Integer call() {
            server.requireCredentials();
            LicentiaServer instance = server.serverWithoutSignIn();
            if (licenses == null) {
                return implicit(instance);
            }
            JsonObject summary = Json.object(
                    instance.post(
                            "/api/v1/registration/plan", Json.body(credentials(server, Map.of("licenses", licenses)))),
                    "the change summary");
            List<String> current = strings(summary.getJsonArray("current"));
            List<String> requested = strings(summary.getJsonArray("requested"));
            List<String> toAdd = strings(summary.getJsonArray("toAdd"));
            List<String> toRemove = strings(summary.getJsonArray("toRemove"));
            var out = server.out();
            out.println("Registration Change Summary:");
            out.println("Currently registered licenses: " + current);
            out.println("Requested licenses:            " + requested);
            out.println();
            if (toAdd.isEmpty() && toRemove.isEmpty()) {
                out.println("No changes: the instance already hosts exactly these licenses.");
                return CliExit.OK;
            }
            if (!toAdd.isEmpty()) {
                out.println("Licenses to be added:   " + String.join(", ", toAdd));
            }
            if (!toRemove.isEmpty()) {
                out.println("Licenses to be removed: " + String.join(", ", toRemove));
                printRightsWarning(server);
            }
            out.println();
            if (!confirmation.confirmed(server, "Are you sure you want to proceed with these changes?")) {
                out.println("Cancelled. Nothing was changed.");
                return CliExit.OK;
            }
            JsonValue answer = instance.post(
                    "/api/v1/registration",
                    Json.body(credentials(server, Map.of("licenses", requested, "expectedCurrent", current))));
            printRegistered(server, answer);
            return CliExit.OK;
        }

        private int implicit(LicentiaServer instance) {
            JsonValue answer;
            try {
                answer = instance.post("/api/v1/registration", Json.body(credentials(server, Map.of())));
            } catch (ServerError e) {
                if ("IMPLICIT_REGISTRATION_REFUSED".equals(e.code())) {
                    var err = server.command.commandLine().getErr();
                    err.println("Error: " + e.detail());
                    err.println();
                    err.println("To update registration, you must explicitly specify licenses using -l/--licenses.");
                    err.println("This safety check prevents accidental changes to your license registration.");
                    err.println();
                    err.println(String.format(RIGHTS_NOTE, server.email()));
                    err.flush();
                    return CliExit.CONFLICT;
                }
                throw e;
            }
            printRegistered(server, answer);
            return CliExit.OK;
        }
    }

    @Command(
            name = "deregister",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Deregister all licenses from an on-prem instance, with your publisher account's e-mail and password.",
                "Removing licenses from an instance needs the license-manager or deputy-license-manager role on an account",
                "whose licenses it hosts (then also those of its other accounts, after a warning), or publisher-admin."
            })
    static final class Deregister implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Mixin
        Confirmation confirmation;

        @Override
        public Integer call() {
            server.requireCredentials();
            LicentiaServer instance = server.serverWithoutSignIn();
            JsonObject summary = Json.object(
                    instance.post(
                            "/api/v1/registration/plan", Json.body(credentials(server, Map.of("licenses", List.of())))),
                    "the change summary");
            List<String> current = strings(summary.getJsonArray("current"));
            var out = server.out();
            if (current.isEmpty()) {
                out.println("This instance does not host any licenses. Nothing to deregister.");
                return CliExit.OK;
            }
            out.println("Warning: You are about to deregister all licenses:");
            out.println("Currently registered licenses: " + current);
            out.println("All licenses will be removed from this on-premises instance.");
            out.println();
            printRightsWarning(server);
            out.println();
            if (!confirmation.confirmed(server, "Are you sure you want to deregister all licenses?")) {
                out.println("Cancelled. Nothing was changed.");
                return CliExit.OK;
            }
            JsonValue answer = instance.post(
                    "/api/v1/registration/deregister",
                    Json.body(credentials(server, Map.of("expectedCurrent", current))));
            if (server.printedJson(answer)) {
                return CliExit.OK;
            }
            out.println("Licenses deregistered successfully.");
            out.println("Logout for user " + server.email());
            out.println("All licenses deregistered. This instance does not host any licenses.");
            return CliExit.OK;
        }
    }

    @Command(
            name = "hosted",
            mixinStandardHelpOptions = true,
            description = "List the licenses an on-prem instance hosts (sign in as one of the instance's own users).")
    static final class Hosted implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer = server.server().get("/api/v1/hosted-licenses");
            if (!server.printedJson(answer)) {
                JsonArray licenses = Json.object(answer, "the hosted licenses").getJsonArray("licenses");
                if (licenses.isEmpty()) {
                    server.out().println("This instance does not host any licenses.");
                }
                for (JsonObject l : licenses.getValuesAs(JsonObject.class)) {
                    server.out()
                            .printf(
                                    "License: %s | Owner: %s | Seat amount: %d | Status: %s%s%s%n",
                                    l.getString("number"),
                                    l.getString("account"),
                                    l.getInt("seats"),
                                    l.getString("status"),
                                    "license-file".equals(l.getString("source", "online"))
                                            ? " | Source: license file " + l.get("fileSerial")
                                            : "",
                                    l.getBoolean("returnPending", false) ? " | Return pending" : "");
                }
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "sync",
            mixinStandardHelpOptions = true,
            description = "Sync an on-prem instance's licenses with its publisher now and print the report "
                    + "(sign in as the instance's publisher-admin).")
    static final class Sync implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject report =
                    Json.object(server.server().post("/api/v1/sync", Json.body(Map.of())), "the sync report");
            if (!server.printedJson(report)) {
                var out = server.out();
                JsonArray licenses = report.getJsonArray("licenses");
                out.printf(
                        "Sync %s in %d ms: %d licenses.%n",
                        report.getString("outcome"),
                        report.getJsonNumber("durationMs").longValue(),
                        licenses.size());
                for (JsonObject l : licenses.getValuesAs(JsonObject.class)) {
                    out.printf(
                            "License: %s | %s | %s%n",
                            l.getString("number"), l.getString("result"), l.getString("reason"));
                }
            }
            return CliExit.OK;
        }
    }

    private static void printRightsWarning(ServerOptions server) {
        server.out().println(String.format(RIGHTS_NOTE, server.email()));
        server.out().println(RIGHTS_CONSEQUENCE);
    }

    private static void printRegistered(ServerOptions server, JsonValue answer) {
        if (server.printedJson(answer)) {
            return;
        }
        server.out().println("Licenses registered successfully.");
        for (JsonObject l :
                Json.object(answer, "the registration").getJsonArray("licenses").getValuesAs(JsonObject.class)) {
            server.out()
                    .printf(
                            "License: %s | Owner: %s | Seat amount: %d%n",
                            l.getString("number"), l.getString("account"), l.getInt("seats"));
        }
    }

    private static Map<String, Object> credentials(ServerOptions server, Map<String, ?> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", server.email());
        body.put("password", server.password());
        body.putAll(more);
        return body;
    }

    private static List<String> strings(JsonArray array) {
        List<String> list = new ArrayList<>();
        array.getValuesAs(JsonString.class).forEach(s -> list.add(s.getString()));
        return list;
    }
}
