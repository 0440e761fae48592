package org.licentia.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

@Command(
        name = "licentia",
        mixinStandardHelpOptions = true,
        versionProvider = Licentia.Version.class,
        description = {
            "Manage licenses, accounts and users on a Licentia license server,",
            "register licenses on an on-prem instance, lease its floating seats,",
            "and activate node-locked licenses on this computer."
        },
        subcommands = {
            LicenseCommands.class,
            AccountCommands.class,
            UserCommands.class,
            ProductCommands.class,
            RegistrationCommands.Register.class,
            RegistrationCommands.Deregister.class,
            RegistrationCommands.Hosted.class,
            RegistrationCommands.Sync.class,
            LicenseFileCommands.RequestCodeCommand.class,
            LicenseFileCommands.Group.class,
            HardwareKeyCommands.Group.class,
            ReturnCommands.Return.class,
            ReturnCommands.Request.class,
            ReturnCommands.Confirm.class,
            ReturnCommands.Status.class,
            StatusCommand.class,
            HostCommands.class,
            RecordsCommand.class,
            SeatCommands.class,
            ClientTokenCommands.class,
            ComputerIdCommand.class,
            NodeLockCommands.Activate.class,
            NodeLockCommands.Validate.class,
            NodeLockCommands.Deactivate.class,
            NodeLockCommands.ActivationRequest.class,
            ActivationCommands.class
        },
        footerHeading = "%n",
        footer = {
            "Environment:",
            "  LICENTIA_URL       server URL (default http://localhost:8080, but none for",
            "                     activate, validate, deactivate and activation-request)",
            "  LICENTIA_EMAIL     your e-mail address, instead of -e/--email",
            "  LICENTIA_PASSWORD  your password, instead of -p/--password",
            "  LICENTIA_TOKEN     client token of the seat commands, instead of --token",
            "",
            "Exit codes:",
            "  0  success",
            "  1  other client error, e.g. the request was refused as invalid (HTTP 400)",
            "  2  usage error: bad option or value, a mistyped code, or missing credentials",
            "  3  not authenticated or not permitted (HTTP 401, 403)",
            "  4  not found (HTTP 404), or no activation on this computer",
            "  5  conflict, e.g. the license number is taken or no seat is free (HTTP 409),",
            "     the lease has ended (HTTP 410), or the activation expired, was deactivated",
            "     or revoked, or the clock was set back",
            "  6  server unreachable or timed out",
            "  7  signature verification failed (a license, a seat lease, or a computer key)",
            "  8  server error (HTTP 5xx)",
            "  9  status: a license alert is in force (License to Expire, License Expired,",
            "     Insufficient License Quota)"
        })
public final class Licentia {

    public static void main(String[] args) {
        CommandLine cli = commandLine(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.Charset.defaultCharset()),
                new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset()));
        int exit = cli.execute(args);
        // Text printed with print() rather than println() sits in the writer's buffer until flushed.
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exit);
    }

    /**
     * The whole command tree with its error handling, as main runs it; tests run the same one. What
     * it prints goes through {@link TerminalText}.
     */
    static CommandLine commandLine(java.io.Writer out, java.io.Writer err) {
        return new CommandLine(new Licentia())
                .setOut(new PrintWriter(new TerminalText(out), true))
                .setErr(new PrintWriter(new TerminalText(err), true))
                .setParameterExceptionHandler(new UsageError())
                .setExecutionExceptionHandler(new Failure());
    }

    /** One "Error:" line and a pointer to help; the full usage would bury the message. */
    static final class UsageError implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine command = ex.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("Error: " + message(ex));
            if (command.getCommandSpec().subcommands().size() > 0
                    && ex.getMessage().startsWith("Missing required subcommand")) {
                command.usage(err);
            } else if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            err.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        }

        /** A converter's own message says what is wrong; only the option's name is added to it. */
        private static String message(ParameterException ex) {
            if (ex.getCause() instanceof TypeConversionException invalid) {
                return ex.getArgSpec() != null && ex.getArgSpec().isOption()
                        ? ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName() + ": " + invalid.getMessage()
                        : invalid.getMessage();
            }
            return ex.getMessage();
        }
    }

    static final class Failure implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
            PrintWriter err = command.getErr();
            if (ex instanceof CliFailure failure) {
                err.println("Error: " + failure.getMessage());
                err.flush();
                return failure.exitCode();
            }
            // A bug or an unforeseen answer: still one line, since a stack trace helps no user.
            err.println("Error: " + (ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage()));
            err.flush();
            return CliExit.CLIENT_ERROR;
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Licentia.class.getPackage().getImplementationVersion();
            return new String[] {"licentia " + (version == null ? "(development build)" : version)};
        }
    }
}
