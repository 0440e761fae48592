package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licentia.client.activation.ComputerId;

class ComputerIdCommandTest {

    @Test
    void printsAComputerIdThatParsesAndStaysTheSameForTheInstallation(@TempDir Path home, @TempDir Path other) {
        CliRun first = CliRun.of("computer-id", "--installation", home.toString());
        CliRun again = CliRun.of("computer-id", "--installation", home.toString());
        assertEquals(0, first.exitCode(), first.err());
        String id = first.out().strip();
        assertEquals(id, ComputerId.parse(id).toString(), "the printed ID is in its canonical, checked form");
        assertEquals(id, again.out().strip(), "the installation key is kept, so the ID is stable");
        assertNotEquals(
                id,
                CliRun.of("computer-id", "--installation", other.toString())
                        .out()
                        .strip(),
                "another installation's key gives another ID");
    }
}
