package org.licentia.cli;

import java.nio.file.Path;
import org.licentia.client.activation.Installation;
import picocli.CommandLine.Option;

/** Where this computer's installation (its key, clock record and activations) is kept. */
final class InstallationOption {

    @Option(
            names = "--installation",
            paramLabel = "DIR",
            description = {
                "Where this installation's key and activations are kept,",
                "default ~/.licentia/installation."
            })
    Path directory;

    /** The installation, made on first use; a directory that cannot be written or a damaged key is the user's to fix. */
    Installation open() {
        try {
            return directory == null ? Installation.open() : Installation.open(directory);
        } catch (RuntimeException e) {
            throw new CliFailure(CliExit.CLIENT_ERROR, "cannot open the installation key: " + e.getMessage());
        }
    }
}
