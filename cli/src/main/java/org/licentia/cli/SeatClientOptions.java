package org.licentia.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.licentia.client.seat.Lease;
import org.licentia.client.seat.LeaseSignatureException;
import org.licentia.client.seat.SeatClient;
import org.licentia.client.seat.SeatException;
import org.licentia.client.seat.SeatServerUnreachableException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that act as a seat client: they sign in with a client token, not a
 * user's password, and go through the client library, so that the CLI checks each lease's
 * signature exactly as an application would.
 */
final class SeatClientOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = "${env:LICENTIA_URL:-http://localhost:8080}",
            description = {"Licentia instance (env LICENTIA_URL),", "default ${DEFAULT-VALUE}."})
    String url;

    // The environment keeps the token out of the process list and the shell history.
    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            defaultValue = "${env:LICENTIA_TOKEN}",
            description = "Client token made with 'licentia client-token create' (env LICENTIA_TOKEN).")
    String token;

    @Option(names = "--json", description = "Print the server's JSON response instead of text.")
    boolean json;

    /**
     * Runs one call of the client library, turning its failures into the CLI's exit codes: a refusal
     * like any server error, a lease that fails its signature check as exit 7.
     */
    <T> T call(Function<SeatClient, T> operation) {
        ServerOptions.checkUrl(command, url);
        if (token == null || token.isBlank()) {
            throw new ParameterException(
                    command.commandLine(), "client token required: give --token or set LICENTIA_TOKEN");
        }
        try {
            return operation.apply(new SeatClient(url, token));
        } catch (SeatException e) {
            throw new CliFailure(CliExit.forStatus(e.status()), e.getMessage());
        } catch (SeatServerUnreachableException e) {
            throw new CliFailure(CliExit.UNREACHABLE, e.getMessage());
        } catch (LeaseSignatureException e) {
            throw new CliFailure(CliExit.SIGNATURE_INVALID, "lease refused: " + e.getMessage());
        }
    }

    PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** With {@code --json}, prints the server's answer as it came and returns true: the caller prints no text. */
    boolean printedJson(Lease lease) {
        if (json) {
            out().println(Json.pretty(Json.parse(lease.json())));
        }
        return json;
    }
}
