package org.licentia.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code licentia} command tree in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine licentia = Licentia.commandLine();
        licentia.setOut(new PrintWriter(out, true));
        licentia.setErr(new PrintWriter(err, true));
        int exitCode = licentia.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }
}
