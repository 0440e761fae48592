package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Returning all of an on-prem instance's licenses to the publisher (the fourth seed): online, through
 * this computer when only it reaches the publisher (semi-online), or offline with files in four
 * steps (request, process at the publisher, response, confirm). The commands carry files and show
 * what the servers decided; the instance and the publisher check everything.
 */
final class ReturnCommands {

    private ReturnCommands() {}

    static final String JSON = "application/json";

    @Command(
            name = "return",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            subcommands = {Process.class, Response.class, Receipts.class},
            description = {
                "Return all licenses of an on-prem instance to the publisher, which frees them",
                "for another instance. Give your publisher account's e-mail and password, as for",
                "register: license-manager or deputy-license-manager of an account whose licenses",
                "the instance hosts, or publisher-admin.",
                "From the moment the request exists the instance gives nothing new from its",
                "licenses, and only the publisher's answer ends that: if the return is",
                "interrupted, run the command again to finish it.",
                "--via-this-computer: the instance cannot reach the publisher, this computer",
                "reaches both (semi-online): the request is carried from the instance to",
                "--publisher-url and the answer back, in one run.",
                "Offline: return-request, then return process, then return-confirm."
            })
    static final class Return implements Callable<Integer> {

        @Option(
                names = "--via-this-computer",
                description = "Carry the request and the answer through this computer (semi-online).")
        boolean viaThisComputer;

        @Option(
                names = "--publisher-url",
                paramLabel = "URL",
                description = "With --via-this-computer: the publisher's Licentia server.")
        String publisherUrl;

        @Option(
                names = "--instance-email",
                paramLabel = "EMAIL",
                description = "With --via-this-computer: the instance admin's e-mail, if not the same as -e.")
        String instanceEmail;

        @Option(
                names = "--instance-password",
                paramLabel = "PASSWORD",
                arity = "0..1",
                interactive = true,
                description = "With --via-this-computer: the instance admin's password, if not the same as -p.")
        String instancePassword;

        @Option(
                names = "--cancel",
                description = "Cancel the pending return instead: possible only while the publisher has not"
                        + " processed it (otherwise the return is finished).")
        boolean cancel;

        @Mixin
        ServerOptions.Caller server;

        @Mixin
        RegistrationCommands.Confirmation confirmation;

        @Override
        public Integer call() {
            server.requireCredentials();
            if (viaThisComputer) {
                return viaThisComputer();
            }
            if (publisherUrl != null || instanceEmail != null || instancePassword != null) {
                throw new CliFailure(
                        CliExit.USAGE,
                        "--publisher-url, --instance-email and --instance-password go with --via-this-computer");
            }
            LicentiaServer instance = server.serverWithoutSignIn();
            if (!cancel && !confirmedOnline(instance)) {
                server.out().println("Cancelled. Nothing was changed.");
                return CliExit.OK;
            }
            JsonValue answer = instance.post(
                    "/api/v1/registration/return",
                    Json.body(Map.of("email", server.email(), "password", server.password(), "cancel", cancel)));
            printOutcome(server, Json.object(answer, "the return"));
            return CliExit.OK;
        }

        /** The seed-style summary of an online return; a pending one is finished without asking again. */
        private boolean confirmedOnline(LicentiaServer instance) {
            JsonObject summary;
            try {
                summary = Json.object(
                        instance.post(
                                "/api/v1/registration/plan",
                                Json.body(Map.of(
                                        "email",
                                        server.email(),
                                        "password",
                                        server.password(),
                                        "licenses",
                                        List.of()))),
                        "the change summary");
            } catch (ServerError e) {
                if ("LICENSE_RETURN_PENDING".equals(e.code())) {
                    server.out().println("A return of this instance's licenses is pending: finishing it.");
                    return true;
                }
                throw e;
            }
            return confirmed(strings(summary.getJsonArray("current")), "registered online");
        }

        private int viaThisComputer() {
            if (publisherUrl == null) {
                throw new CliFailure(CliExit.USAGE, "--via-this-computer needs --publisher-url");
            }
            LicentiaServer instance = instanceServer();
            LicentiaServer publisher = new LicentiaServer(publisherUrl, server.email(), server.password(), null);
            String request;
            if (cancel) {
                request = Json.object(instance.post("/api/v1/license-return/cancel-request", Json.body(Map.of())), "")
                        .getString("file");
            } else {
                if (!pendingOn(instance) && !confirmed(hostedOn(instance), "hosted")) {
                    server.out().println("Cancelled. Nothing was changed.");
                    return CliExit.OK;
                }
                request = Json.object(instance.post("/api/v1/license-return/request", Json.body(Map.of())), "")
                        .getString("file");
            }
            server.out()
                    .println("Return request made on the instance; carrying it to the publisher at " + publisherUrl);
            byte[] response = publisher.exchangeFile("/api/v1/returns", JSON, request.getBytes(StandardCharsets.UTF_8));
            server.out().println("The publisher answered; giving its response to the instance.");
            printOutcome(server, Json.object(instance.postFile("/api/v1/license-return/confirm", JSON, response), ""));
            return CliExit.OK;
        }

        private LicentiaServer instanceServer() {
            return new LicentiaServer(
                    server.url,
                    instanceEmail == null ? server.email() : instanceEmail,
                    instancePassword == null ? server.password() : instancePassword,
                    null);
        }

        private boolean confirmed(List<String> licenses, String how) {
            var out = server.out();
            out.println("Warning: You are about to return all licenses of this instance to the publisher:");
            out.println("Licenses " + how + ": " + licenses);
            out.println("Licenses from license files are returned too. They can then be registered on another"
                    + " instance; this one gives no new seats from them from now on.");
            out.println();
            return confirmation.confirmed(server, "Are you sure you want to return all licenses?");
        }
    }

    @Command(
            name = "process",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Publisher: process an instance's return (or cancel) request file and write the",
                "signed response file for the instance's admin to confirm. The same request",
                "always gets the same response."
            })
    static final class Process extends ResponseFile {

        @Option(
                names = "--file",
                required = true,
                paramLabel = "FILE",
                description = "The request file `licentia return-request` wrote.")
        Path file;

        @Override
        byte[] response() {
            return server.server().exchangeFile("/api/v1/returns", JSON, LicenseFileCommands.read(file));
        }
    }

    @Command(
            name = "response",
            mixinStandardHelpOptions = true,
            description = "Publisher: write the response file of a return request processed before (when it was lost).")
    static final class Response extends ResponseFile {

        @Option(names = "--request-id", required = true, paramLabel = "ID", description = "The request's ID.")
        String requestId;

        @Override
        byte[] response() {
            return server.server()
                    .getText("/api/v1/returns/" + LicentiaServer.segment(requestId), Map.of(), JSON)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Publisher: the returns processed, newest first, of one instance or all (publisher-admin).")
    static final class Receipts implements Callable<Integer> {

        @Option(names = "--instance", paramLabel = "ID", description = "Only this instance's returns.")
        String instance;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer =
                    server.server().get("/api/v1/returns", instance == null ? Map.of() : Map.of("instance", instance));
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.object(answer, "the returns").getJsonArray("returns"),
                                "No returns were processed.",
                                new String[] {"PROCESSED", "REQUEST", "INSTANCE", "OUTCOME", "FREED", "BY"},
                                r -> new String[] {
                                    r.getString("processedAt"),
                                    r.getString("requestId"),
                                    r.getString("instanceId"),
                                    r.getString("outcome"),
                                    Integer.toString(r.getInt("licenses")),
                                    r.getString("processedBy")
                                }));
            }
            return CliExit.OK;
        }
    }

    /** A publisher's command that writes a return response file and says what it answers. */
    abstract static class ResponseFile implements Callable<Integer> {

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "FILE",
                description = "Where to write the response file.")
        Path output;

        @Mixin
        ServerOptions.Caller server;

        abstract byte[] response();

        @Override
        public Integer call() {
            byte[] response = response();
            LicenseFileCommands.write(output, response);
            JsonObject document = Json.object(Json.parse(new String(response, StandardCharsets.UTF_8)), "the response")
                    .getJsonObject("document");
            server.out()
                    .println("Return request " + document.getString("requestId") + " of instance "
                            + document.getString("instanceId") + ": " + document.getString("outcome")
                            + ", licenses " + strings(document.getJsonArray("licenses")) + ". Response written to "
                            + output + ".");
            return CliExit.OK;
        }
    }

    @Command(
            name = "return-request",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Offline return, step 1 (sign in as the instance's admin): hold all of the",
                "instance's licenses for a return and write the signed request file, to take to",
                "the publisher (licentia return process). While a return is pending, this writes",
                "the same request again. With --cancel: a request to cancel the pending return;",
                "the publisher's answer says whether that was still possible."
            })
    static final class Request implements Callable<Integer> {

        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "FILE",
                description = "Where to write the request file.")
        Path output;

        @Option(names = "--cancel", description = "Write a request to cancel the pending return.")
        boolean cancel;

        @Mixin
        ServerOptions.Caller server;

        @Mixin
        RegistrationCommands.Confirmation confirmation;

        @Override
        public Integer call() {
            LicentiaServer instance = server.server();
            if (!cancel && !pendingOn(instance)) {
                var out = server.out();
                out.println("Warning: You are about to return all licenses of this instance to the publisher:");
                out.println("Licenses hosted: " + hostedOn(instance));
                out.println("From now on the instance gives nothing new from them, until the publisher's response"
                        + " is confirmed (or cancels the return).");
                out.println();
                if (!confirmation.confirmed(server, "Are you sure you want to return all licenses?")) {
                    out.println("Cancelled. Nothing was changed.");
                    return CliExit.OK;
                }
            }
            JsonObject r = Json.object(
                    instance.post(
                            "/api/v1/license-return/" + (cancel ? "cancel-request" : "request"), Json.body(Map.of())),
                    "the return request");
            LicenseFileCommands.write(output, r.getString("file").getBytes(StandardCharsets.UTF_8));
            server.out()
                    .println((cancel ? "Cancel request" : "Return request") + " " + r.getString("requestId")
                            + " for licenses " + strings(r.getJsonArray("licenses")) + " written to " + output + ".");
            server.out()
                    .println("Take it to the publisher (licentia return process --file " + output.getFileName()
                            + " -o response.json), then run licentia return-confirm --file response.json here.");
            return CliExit.OK;
        }
    }

    @Command(
            name = "return-confirm",
            mixinStandardHelpOptions = true,
            description = {
                "Offline return, last step (sign in as the instance's admin): give the instance",
                "the publisher's response file. A return drops the licenses; a cancelled one",
                "makes them usable again."
            })
    static final class Confirm implements Callable<Integer> {

        @Option(
                names = "--file",
                required = true,
                paramLabel = "FILE",
                description = "The response file `licentia return process` wrote.")
        Path file;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer =
                    server.server().postFile("/api/v1/license-return/confirm", JSON, LicenseFileCommands.read(file));
            printOutcome(server, Json.object(answer, "the return"));
            return CliExit.OK;
        }
    }

    @Command(
            name = "return-status",
            mixinStandardHelpOptions = true,
            description = "Show the instance's pending return, or else its last one (sign in as the instance's admin).")
    static final class Status implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject r = Json.object(server.server().get("/api/v1/license-return"), "the return");
            if (!server.printedJson(r)) {
                server.out()
                        .printf(
                                "Return %s: %s | Licenses: %s | Requested %s by %s%n",
                                r.getString("requestId"),
                                r.getString("state"),
                                strings(r.getJsonArray("licenses")),
                                r.getString("requestedAt"),
                                r.getString("requestedBy"));
            }
            return "PENDING".equals(r.getString("state")) ? CliExit.CONFLICT : CliExit.OK;
        }
    }

    private static boolean pendingOn(LicentiaServer instance) {
        try {
            return "PENDING"
                    .equals(Json.object(instance.get("/api/v1/license-return"), "the return")
                            .getString("state"));
        } catch (ServerError e) {
            if ("RESOURCE_NOT_FOUND".equals(e.code())) {
                return false;
            }
            throw e;
        }
    }

    private static List<String> hostedOn(LicentiaServer instance) {
        return Json.object(instance.get("/api/v1/hosted-licenses"), "the hosted licenses")
                .getJsonArray("licenses")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(l -> l.getString("number"))
                .toList();
    }

    private static void printOutcome(ServerOptions server, JsonObject r) {
        if (server.printedJson(r)) {
            return;
        }
        var out = server.out();
        String state = r.getString("state");
        List<String> licenses = strings(r.getJsonArray("licenses"));
        if (r.getBoolean("alreadyApplied", false)) {
            out.println("This response was confirmed before; nothing changed.");
        }
        if ("RETURNED".equals(state)) {
            out.println("Licenses returned successfully: " + licenses);
            out.println("They can now be registered on another instance. This instance does not host them anymore.");
        } else {
            out.println("Return " + r.getString("requestId") + " cancelled: licenses " + licenses
                    + " are usable on this instance again.");
        }
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
