package org.licentia.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * User commands name the user they act on with {@code --email}, so the caller signs in with
 * {@code --admin-email}/{@code --admin-password} here instead of {@code -e}/{@code -p}.
 */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = {
            "Add users and set their roles on accounts.",
            "Here --email and --password are the user's being added or changed; you sign in with "
                    + "--admin-email and --admin-password, or LICENTIA_EMAIL and LICENTIA_PASSWORD."
        },
        subcommands = {UserCommands.Add.class, UserCommands.Roles.class})
final class UserCommands {

    private static final String USERS = "/api/v1/users";
    private static final String CALLER_NOTE = "You sign in with --admin-email and --admin-password "
            + "(or LICENTIA_EMAIL and LICENTIA_PASSWORD): here --email and --password are the user's.";

    /** Every role but publisher-admin is held on one account, so it needs one. */
    private static void requireAccount(CommandSpec spec, String account, List<String> roles) {
        if (account == null) {
            roles.stream()
                    .filter(role -> !InputFormats.PUBLISHER_ADMIN.equals(role))
                    .findFirst()
                    .ifPresent(role -> {
                        throw new ParameterException(spec.commandLine(), "Role " + role + " needs --account");
                    });
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {"Add a user with a role on an account.", CALLER_NOTE})
    static final class Add implements Callable<Integer> {

        @Option(
                names = "--email",
                paramLabel = "EMAIL",
                required = true,
                description = "The new user's e-mail address.")
        String email;

        @Option(
                names = "--password",
                paramLabel = "PASSWORD",
                required = true,
                description = "The new user's password.")
        String password;

        @Option(
                names = "--account",
                paramLabel = "NAME",
                description = "Account the role is held on (not for publisher-admin).")
        String account;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                required = true,
                converter = InputFormats.Role.class,
                completionCandidates = InputFormats.Roles.class,
                description = "One of ${COMPLETION-CANDIDATES}.")
        String role;

        @Mixin
        ServerOptions.Admin server;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            requireAccount(spec, account, List.of(role));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", email);
            body.put("password", password);
            body.put("account", account);
            body.put("role", role);
            JsonValue answer = server.server().post(USERS, Json.body(body));
            if (!server.printedJson(answer)) {
                server.out()
                        .println(
                                account == null
                                        ? "User " + email + " added as " + role + "."
                                        : "User " + email + " added to account " + account + " as " + role + ".");
            }
            return CliExit.OK;
        }
    }

    @Command(
            name = "roles",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Set a user's roles on an account, replacing the roles held there before.",
                "With only --email, show the user's roles on every account.",
                CALLER_NOTE
            })
    static final class Roles implements Callable<Integer> {

        @Option(names = "--email", paramLabel = "EMAIL", required = true, description = "The user's e-mail address.")
        String email;

        @Option(
                names = "--account",
                paramLabel = "NAME",
                description = "Account the roles are held on (not for publisher-admin).")
        String account;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                converter = InputFormats.Role.class,
                completionCandidates = InputFormats.Roles.class,
                description = "One of ${COMPLETION-CANDIDATES}; repeat for several.")
        List<String> roles = new ArrayList<>();

        @Mixin
        ServerOptions.Admin server;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String path = USERS + "/" + LicentiaServer.segment(email);
            if (roles.isEmpty() && account == null) {
                printGrants(server.server().get(path));
                return CliExit.OK;
            }
            if (roles.isEmpty()) {
                // An empty role list would silently take every role away; make that a deliberate act elsewhere.
                throw new ParameterException(
                        spec.commandLine(),
                        "Give at least one --role for account " + account + ", or only --email to show the roles");
            }
            requireAccount(spec, account, roles);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("account", account);
            body.put("roles", roles);
            JsonValue answer = server.server().put(path + "/roles", Json.body(body));
            if (!server.printedJson(answer)) {
                server.out()
                        .printf(
                                "Roles of %s%s: %s.%n",
                                email, account == null ? "" : " on account " + account, String.join(", ", roles));
            }
            return CliExit.OK;
        }

        private void printGrants(JsonValue answer) {
            if (server.printedJson(answer)) {
                return;
            }
            JsonObject user = Json.object(answer, "the user from the server");
            server.out().printf("User %s%n", email);
            server.out()
                    .print(TextTable.of(
                            Json.array(user, "grants"), "No roles.", new String[] {"ROLE", "ACCOUNT"}, grant -> {
                                String on = Json.text(grant, "account");
                                return new String[] {
                                    String.valueOf(Json.text(grant, "role")), on == null ? "(all accounts)" : on
                                };
                            }));
        }
    }
}
