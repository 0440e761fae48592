package org.licentia.client.activation;

import java.util.ArrayList;
import java.util.List;

/** Every code a person gets by mistyping one symbol, or by swapping two neighbouring symbols, of a code. */
final class Typos {

    private Typos() {}

    static List<String> substitutions(String code) {
        List<String> typos = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '-') {
                continue;
            }
            for (char symbol : TypeableCode.ALPHABET.toCharArray()) {
                if (symbol != code.charAt(i)) {
                    typos.add(code.substring(0, i) + symbol + code.substring(i + 1));
                }
            }
        }
        return typos;
    }

    /** Neighbours in the sequence of symbols, so also the two ends of a group either side of a hyphen. */
    static List<String> transpositions(String code) {
        List<Integer> symbols = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) != '-') {
                symbols.add(i);
            }
        }
        List<String> typos = new ArrayList<>();
        for (int k = 0; k + 1 < symbols.size(); k++) {
            int a = symbols.get(k);
            int b = symbols.get(k + 1);
            if (code.charAt(a) != code.charAt(b)) {
                char[] swapped = code.toCharArray();
                swapped[a] = code.charAt(b);
                swapped[b] = code.charAt(a);
                typos.add(new String(swapped));
            }
        }
        return typos;
    }
}
