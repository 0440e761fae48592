package org.licentia.cli;

import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code licentia} command tree in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine licentia = Licentia.commandLine(out, err);
        int exitCode = licentia.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
