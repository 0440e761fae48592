package org.licentia.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsGuardTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic !!!",
                "Basic =",
                "Basic YQ",
                "Basic YQ=",
                "basic ====",
                "Basic ",
                "Basic YWJj",
                "Basic /w==",
                "Basic YQ==YQ==",
                "BASIC =YWI"
            })
    void unreadableBasicCredentialsAreCaught(String header) {
        var refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.licentia.errors.LicensingException.class, () -> CredentialsGuard.basicUser(header), header);
        org.junit.jupiter.api.Assertions.assertEquals(org.licentia.errors.ErrorCode.UNAUTHENTICATED, refused.code());
    }

    @org.junit.jupiter.api.Test
    void anUnavailableUserStoreIsToldApartFromOtherFailures() {
        var down = new java.io.IOException(
                "HTTP authentication failed",
                new org.wildfly.security.auth.server.RealmUnavailableException(
                        new java.sql.SQLException("Connection refused")));
        assertTrue(CredentialsGuard.isRealmUnavailable(down));
        assertFalse(CredentialsGuard.isRealmUnavailable(new IllegalStateException(new java.sql.SQLException("x"))));
        var e = CredentialsGuard.unavailable(down);
        org.junit.jupiter.api.Assertions.assertEquals(org.licentia.errors.ErrorCode.SERVICE_UNAVAILABLE, e.code());
        org.junit.jupiter.api.Assertions.assertEquals(503, org.licentia.web.rest.HttpStatuses.of(e.code()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer lic_abc", "Negotiate xyz", "", "Basi"})
    void otherSchemesPass(String header) {
        org.junit.jupiter.api.Assertions.assertNull(CredentialsGuard.basicUser(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin@licentia.example:licentia-admin", "a:", ":", "user:p\u00e4ss:word"})
    void wellFormedCredentialsPass(String credentials) {
        String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        String user = credentials.substring(0, credentials.indexOf(':'));
        org.junit.jupiter.api.Assertions.assertEquals(user, CredentialsGuard.basicUser(header), header);
        org.junit.jupiter.api.Assertions.assertEquals(
                user, CredentialsGuard.basicUser(java.util.List.of("basic " + header.substring(6))), header);
    }
}
