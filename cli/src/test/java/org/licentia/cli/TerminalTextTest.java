package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlAndBidiCharactersArePrintedAsEscapes() {
        StringWriter screen = new StringWriter();
        PrintWriter out = new PrintWriter(new TerminalText(screen), true);
        out.println("\u001B[31mRed Corp\u001B[0m\t\u202Egnp.exe \u0007 caf\u00e9 \u2588");
        out.print('\u009B');
        out.flush();
        assertEquals(
                "\\u001B[31mRed Corp\\u001B[0m\t\\u202Egnp.exe \\u0007 caf\u00e9 \u2588" + System.lineSeparator()
                        + "\\u009B",
                screen.toString());
    }
}
