package org.licentia.cli;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "client-token",
        mixinStandardHelpOptions = true,
        description = {
            "Create, list and revoke the client tokens that seat clients sign in with.",
            "One token per application or site; sign in as the instance's publisher-admin."
        },
        subcommands = {
            ClientTokenCommands.Create.class,
            ClientTokenCommands.ListTokens.class,
            ClientTokenCommands.Revoke.class
        })
final class ClientTokenCommands {

    private static final String CLIENT_TOKENS = "/api/v1/client-tokens";

    private ClientTokenCommands() {}

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Create a client token and print it: only the token, so that a script can capture it.",
                "The server keeps only its hash: it is shown this once."
            })
    static final class Create implements Callable<Integer> {

        @Option(
                names = "--name",
                paramLabel = "NAME",
                required = true,
                description = "Name of the token, e.g. cad-floor-2; unique.")
        String name;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject created = Json.object(
                    server.server().post(CLIENT_TOKENS, Json.body(Map.of("name", name))), "the new client token");
            if (!server.printedJson(created)) {
                String token = Json.text(created, "token");
                if (token == null) {
                    throw new CliFailure(CliExit.CLIENT_ERROR, "the server's answer holds no token");
                }
                server.out().println(token);
            }
            // On stderr, so that $(licentia client-token create ...) captures the token alone.
            var err = server.command.commandLine().getErr();
            err.println("Store this token now: it is not shown again.");
            err.flush();
            return CliExit.OK;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "List the client tokens, revoked ones too (their secrets are never shown again).")
    static final class ListTokens implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject answer =
                    Json.object(server.server().get(CLIENT_TOKENS), "the client token list from the server");
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.array(answer, "tokens"),
                                "No client tokens.",
                                new String[] {"NAME", "CREATED", "CREATED BY", "REVOKED"},
                                token -> new String[] {
                                    orDash(Json.text(token, "name")),
                                    orDash(Json.text(token, "createdAt")),
                                    orDash(Json.text(token, "createdBy")),
                                    orDash(Json.text(token, "revokedAt"))
                                }));
            }
            return CliExit.OK;
        }

        private static String orDash(String text) {
            return text == null ? "-" : text;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Revoke a client token: its clients can no longer reserve or renew seats",
                "(at once on this node, within 30 s on the others)."
            })
    static final class Revoke implements Callable<Integer> {

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "Name of the token.")
        String name;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            server.server().delete(CLIENT_TOKENS + "/" + LicentiaServer.segment(name));
            server.out().printf("Client token %s revoked.%n", name);
            return CliExit.OK;
        }
    }
}
