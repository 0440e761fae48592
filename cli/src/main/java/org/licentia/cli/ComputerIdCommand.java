package org.licentia.cli;

import java.util.concurrent.Callable;
import org.licentia.client.activation.ComputerId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints this computer's ID, what a node-locked activation binds a license to: made from the
 * machine's stable facts and this installation's key pair (created on first use), with a check
 * symbol so that a typo is caught wherever it is typed in (docs/activation-formats.md).
 */
@Command(
        name = "computer-id",
        mixinStandardHelpOptions = true,
        description = {
            "Print this computer's ID for node-locked activation.",
            "Made from the machine's identifier and this installation's Ed25519 key (created on first use)."
        })
final class ComputerIdCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    InstallationOption installation;

    @Override
    public Integer call() {
        command.commandLine().getOut().println(ComputerId.ofThisMachine(installation.open()));
        return CliExit.OK;
    }
}
