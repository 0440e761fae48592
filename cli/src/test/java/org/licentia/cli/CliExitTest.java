package org.licentia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CliExitTest {

    @Test
    void mapsEachStatusAScriptMayReactToOnItsOwnCode() {
        assertEquals(CliExit.NOT_AUTHORIZED, CliExit.forStatus(401));
        assertEquals(CliExit.NOT_AUTHORIZED, CliExit.forStatus(403));
        assertEquals(CliExit.NOT_FOUND, CliExit.forStatus(404));
        assertEquals(CliExit.CONFLICT, CliExit.forStatus(409));
        assertEquals(CliExit.CONFLICT, CliExit.forStatus(410), "a seat lease that ended");
        assertEquals(CliExit.SERVER_ERROR, CliExit.forStatus(500));
        assertEquals(CliExit.SERVER_ERROR, CliExit.forStatus(503));
    }

    @Test
    void mapsOtherClientErrorsToOne() {
        assertEquals(1, CliExit.forStatus(400));
        assertEquals(1, CliExit.forStatus(422));
        assertEquals(1, CliExit.forStatus(405));
    }

    @Test
    void keepsTheDocumentedNumbers() {
        assertEquals(0, CliExit.OK);
        assertEquals(2, CliExit.USAGE);
        assertEquals(6, CliExit.UNREACHABLE);
        assertEquals(7, CliExit.SIGNATURE_INVALID);
        assertEquals(8, CliExit.SERVER_ERROR);
    }

    @Test
    void problemWithoutDetailFallsBackToStatusAndUrl() {
        ServerError error = new ServerError(502, null, null, "http://licentia.example/api/v1/licenses");
        assertEquals("HTTP 502 from http://licentia.example/api/v1/licenses", error.getMessage());
        assertEquals(CliExit.SERVER_ERROR, error.exitCode());
        assertEquals(
                "License 12345678 does not exist [LICENSE_NOT_FOUND]",
                new ServerError(404, "LICENSE_NOT_FOUND", "License 12345678 does not exist", "u").getMessage());
    }
}
