package org.licentia.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the CLI prints goes through here, so no text a server stored (an account name, a
 * client ID, a reason) can drive the terminal of whoever reads it: control characters (an escape
 * sequence colours or rewrites the screen) and bidirectional controls (they make text read
 * backwards) are shown as {@code \\uXXXX} instead. Line breaks and tabs stay.
 */
final class TerminalText extends FilterWriter {

    TerminalText(Writer out) {
        super(out);
    }

    static boolean isUnsafe(int c) {
        return (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }

    /** The text as it is printed. */
    static String escaped(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> {
            if (isUnsafe(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    @Override
    public void write(int c) throws IOException {
        if (isUnsafe(c)) {
            out.write(String.format("\\u%04X", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        out.write(escaped(s.substring(off, off + len)));
    }
}
