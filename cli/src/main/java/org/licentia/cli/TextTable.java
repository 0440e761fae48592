package org.licentia.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The plain-text tables of the list commands: a header row, then one row per item. */
final class TextTable {

    private TextTable() {}

    /** The text of a list command: a row per item under {@code header}, or the line {@code none} when there are no items. */
    static String of(JsonArray items, String none, String[] header, Function<JsonObject, String[]> row) {
        if (items.isEmpty()) {
            return none + System.lineSeparator();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (JsonObject item : items.getValuesAs(JsonObject.class)) {
            rows.add(row.apply(item));
        }
        return format(rows);
    }

    /** Left-aligned columns two spaces apart; the last column is not padded. */
    static String format(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
