package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class LicenseViewTest {

    static final String LICENSE = """
            {"number":"11554731","account":"Example User 1","product":"LICENTIA-SERVER","productName":"Licentia Server",
             "edition":"ADVANCED","features":["sso","audit"],"seats":20,"quotaMetric":"seats","quota":20,
             "starts":"2026-01-01","expires":"2027-12-31","supportExpires":"2027-12-31","state":"active",
             "activationKey":"JXTG1-J41PG-CPZ7C-GK290-5","maxActivations":5,"registeredInstance":null,"version":0,
             "createdAt":"2026-01-01T10:00:00Z","updatedAt":"2026-01-01T10:00:00Z"}""";

    @Test
    void printsOneAlignedLinePerTerm() {
        String expected = """
                License:          11554731
                Account:          Example User 1
                Product:          Licentia Server (LICENTIA-SERVER)
                Edition:          ADVANCED
                Features:         sso, audit
                Seats:            20
                Quota:            20 seats
                Starts:           2026-01-01
                Expires:          2027-12-31
                Support expires:  2027-12-31
                State:            active
                Activation key:   JXTG1-J41PG-CPZ7C-GK290-5
                Max activations:  5
                Registered to:    (none)
                """;
        assertEquals(
                expected, LicenseView.format((JsonObject) Json.parse(LICENSE)).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void saysNeverForALicenseWithoutEnd() {
        JsonObject perpetual = (JsonObject) Json.parse("""
                {"number":"00000001","account":"A","product":"P","seats":1,"expires":null,"registeredInstance":"host-7"}""");
        String text = LicenseView.format(perpetual);
        assertTrue(text.contains("Expires:          never"), text);
        assertTrue(
                text.contains("Product:          P\n") || text.contains("Product:          P" + System.lineSeparator()),
                text);
        assertTrue(text.contains("Registered to:    host-7"), text);
        assertTrue(text.contains("Features:         (none)"), text);
    }

    @Test
    void tableHasAColumnPerSummaryTerm() {
        JsonArray items = (JsonArray) Json.parse("[" + LICENSE + "]");
        String[] lines = LicenseView.table(items).split(System.lineSeparator());
        assertEquals("NUMBER    ACCOUNT         PRODUCT          EDITION   SEATS  EXPIRES     STATE", lines[0]);
        assertEquals("11554731  Example User 1  LICENTIA-SERVER  ADVANCED  20     2027-12-31  active", lines[1]);
    }
}
