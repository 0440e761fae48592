package org.licentia.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "account",
        mixinStandardHelpOptions = true,
        description = "Create and list accounts, the customers that hold licenses.",
        subcommands = {AccountCommands.Create.class, AccountCommands.ListAccounts.class})
final class AccountCommands {

    private static final String ACCOUNTS = "/api/v1/accounts";

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false, description = "Create an account.")
    static final class Create implements Callable<Integer> {

        @Option(
                names = "--name",
                paramLabel = "NAME",
                required = true,
                description = "Account name, unique on the server.")
        String name;

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonValue answer = server.server().post(ACCOUNTS, Json.body(Map.of("name", name)));
            if (!server.printedJson(answer)) {
                String created = answer instanceof JsonObject account ? Json.text(account, "name") : null;
                server.out().printf("Account %s created.%n", created == null ? name : created);
            }
            return CliExit.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, description = "List the accounts.")
    static final class ListAccounts implements Callable<Integer> {

        @Mixin
        ServerOptions.Caller server;

        @Override
        public Integer call() {
            JsonObject answer = Json.object(server.server().get(ACCOUNTS), "the account list from the server");
            if (!server.printedJson(answer)) {
                server.out()
                        .print(TextTable.of(
                                Json.array(answer, "items"), "No accounts.", new String[] {"ID", "NAME"}, account -> {
                                    String id = Json.text(account, "id");
                                    return new String[] {
                                        id == null ? "" : id, String.valueOf(Json.text(account, "name"))
                                    };
                                }));
            }
            return CliExit.OK;
        }
    }
}
