package org.licentia.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints this computer's ID, what a node-locked activation binds a license to: made from the
 * machine's stable facts and this installation's key pair (created on first use), with a check
 * symbol so that a typo is caught wherever it is typed in (docs/activation-formats.md).
 */
@Command(name = "computer-id", mixinStandardHelpOptions = true,
        description = {"Print this computer's ID for node-locked activation.",
            "Made from the machine's identifier and this installation's Ed25519 key (created on first use)."})
final class ComputerIdCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Option(names = "--installation", paramLabel = "DIR",
            description = {"Where this installation's key is kept,", "default ~/.licentia/installation."})
    Path installation;

    @Override
    public Integer call() {
        Installation here;
        try {
            here = installation == null ? Installation.open() : Installation.open(installation);
        } catch (RuntimeException e) {
            throw new CliFailure(CliExit.CLIENT_ERROR, "cannot open the installation key: " + e.getMessage());
        }
        command.commandLine().getOut().println(ComputerId.ofThisMachine(here));
        return CliExit.OK;
    }
}
