package org.licentia.cli;

import jakarta.json.JsonValue;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of every command that talks to the server. Where the caller's credentials come from
 * differs: most commands take {@code -e/--email} and {@code -p/--password} ({@link Caller}), but
 * {@code user} commands need {@code --email} and {@code --password} for the user they create, so
 * there the caller signs in with {@code --admin-email} and {@code --admin-password} ({@link Admin}).
 */
abstract class ServerOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:LICENTIA_URL:-http://localhost:8080}",
            description = {"Licentia server (env LICENTIA_URL),", "default ${DEFAULT-VALUE}."})
    String url;

    @Option(names = "--json", description = "Print the server's JSON response instead of text.")
    boolean json;

    abstract String email();

    abstract String password();

    abstract String credentialOptions();

    /**
     * Refuses, before any request, a URL the HTTP client could not use. Credentials are not
     * checked here: some calls need none, and the server's 401 says when they were needed.
     */
    LicentiaServer server() {
        checkUrl();
        if (isBlank(email()) || isBlank(password())) {
            return new LicentiaServer(
                    url,
                    null,
                    null,
                    "credentials required: give " + credentialOptions()
                            + " or set LICENTIA_EMAIL and LICENTIA_PASSWORD");
        }
        return new LicentiaServer(url, email(), password(), null);
    }

    /** For calls whose credentials travel in the body, to be checked by the instance's publisher. */
    LicentiaServer serverWithoutSignIn() {
        checkUrl();
        return new LicentiaServer(url, null, null, null);
    }

    private void checkUrl() {
        checkUrl(command, url);
    }

    /** Shared with the commands that sign in with a client token instead ({@link SeatClientOptions}). */
    static void checkUrl(CommandSpec command, String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(url, "expected http://host[:port] or https://host[:port]");
            }
        } catch (URISyntaxException e) {
            throw new ParameterException(command.commandLine(), "Invalid --url " + url + ": " + e.getReason());
        }
    }

    /** The caller's credentials, which this command cannot do without. */
    void requireCredentials() {
        if (isBlank(email()) || isBlank(password())) {
            throw new CliFailure(
                    CliExit.USAGE,
                    "credentials required: give " + credentialOptions()
                            + " or set LICENTIA_EMAIL and LICENTIA_PASSWORD");
        }
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** With {@code --json}, prints the server's answer and returns true: the caller prints no text. */
    boolean printedJson(JsonValue answer) {
        if (json) {
            out().println(Json.pretty(answer));
        }
        return json;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static final class Caller extends ServerOptions {

        @Option(
                names = {"-e", "--email"},
                paramLabel = "EMAIL",
                defaultValue = "${env:LICENTIA_EMAIL}",
                description = "Your e-mail address (env LICENTIA_EMAIL).")
        String email;

        @Option(
                names = {"-p", "--password"},
                paramLabel = "PASSWORD",
                defaultValue = "${env:LICENTIA_PASSWORD}",
                arity = "0..1",
                interactive = true,
                description = "Your password (env LICENTIA_PASSWORD); -p alone asks for it.")
        String password;

        @Override
        String email() {
            return email;
        }

        @Override
        String password() {
            return password;
        }

        @Override
        String credentialOptions() {
            return "-e/--email and -p/--password";
        }
    }

    static final class Admin extends ServerOptions {

        @Option(
                names = "--admin-email",
                paramLabel = "EMAIL",
                defaultValue = "${env:LICENTIA_EMAIL}",
                description = "Your e-mail address, as the administrator making the change (env LICENTIA_EMAIL).")
        String email;

        @Option(
                names = "--admin-password",
                paramLabel = "PASSWORD",
                defaultValue = "${env:LICENTIA_PASSWORD}",
                arity = "0..1",
                interactive = true,
                description = "Your password (env LICENTIA_PASSWORD); --admin-password alone asks for it.")
        String password;

        @Override
        String email() {
            return email;
        }

        @Override
        String password() {
            return password;
        }

        @Override
        String credentialOptions() {
            return "--admin-email and --admin-password";
        }
    }
}
