package org.licentia.records.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvCellTest {

    @Test
    void cellsAreQuotedAndQuotesDoubled() {
        assertEquals("\"Acme \"\"East\"\"\"", LicensingRecords.cell("Acme \"East\""));
        assertEquals("\"a,b\r\nc\"", LicensingRecords.cell("a,b\r\nc"));
        assertEquals("", LicensingRecords.cell(null));
        assertEquals("\"2026-11-29\"", LicensingRecords.cell(LocalDate.of(2026, 11, 29)));
    }

    @Test
    void aTextASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", LicensingRecords.cell("=HYPERLINK(\"http://x\")"));
        for (String start : new String[] {"+", "-", "@", "\t", "\r"}) {
            assertEquals("\"'" + start + "1\"", LicensingRecords.cell(start + "1"));
        }
    }
}
