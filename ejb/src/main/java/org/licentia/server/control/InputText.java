package org.licentia.server.control;

/**
 * Text as a person could have typed it, the rule for every string that comes in over REST, SOAP or the console's forms:
 * control characters (an escape sequence colours the terminal of whoever lists it), bidirectional
 * controls (they make a name read backwards) and unpaired surrogates (not text at all) are refused.
 */
public final class InputText {

    private InputText() {}

    /** What is wrong with the text, with the position of the first offending character; null when nothing is. */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String problem = null;
            if (Character.isISOControl(c)) {
                problem = "must not contain control characters";
            } else if ((c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069')
                    || c == '\u200E'
                    || c == '\u200F'
                    || c == '\u061C') {
                problem = "must not contain bidirectional control characters";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    problem = "must not contain an unpaired surrogate";
                }
            } else if (Character.isLowSurrogate(c)) {
                problem = "must not contain an unpaired surrogate";
            }
            if (problem != null) {
                return problem + " (at character " + (i + 1) + ")";
            }
        }
        return null;
    }
}
