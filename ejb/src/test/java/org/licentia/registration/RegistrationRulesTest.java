package org.licentia.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.LicenseTerms;
import org.licentia.catalog.entity.Product;
import org.licentia.catalog.entity.QuotaMetric;
import org.licentia.client.document.CanonicalJson;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.registration.boundary.ChangeSummary;
import org.licentia.registration.control.InstanceRequests;
import org.licentia.registration.control.RegistrationCheck;
import org.licentia.registration.control.RegistrationDocuments;
import org.licentia.registration.control.UpstreamPublisher.SignedRegistration;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedTerms;
import org.licentia.signing.control.Ed25519KeyPair;

class RegistrationRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String INSTANCE = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final String OTHER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private static License license(LocalDate expires) {
        Product product = new Product("CLOUD-PLATFORM", "Cloud Platform");
        Edition edition = new Edition(product, "BASIC", "Basic", null, null, true, List.of("compute", "storage"));
        return new License(
                "11554731",
                new Account("Example User 1", NOW),
                edition,
                new LicenseTerms(20, QuotaMetric.SEATS, 20, LocalDate.of(2026, 1, 1), expires, null, 20),
                "KEY",
                NOW);
    }

    @Test
    void changeSummaryShowsWhatIsAddedAndRemovedWithTheRightsWarningOnlyForRemovals() {
        ChangeSummary add = ChangeSummary.of(List.of("11554731"), List.of("96023021", "11554731"));
        assertEquals(List.of("11554731"), add.current());
        assertEquals(List.of("11554731", "96023021"), add.requested());
        assertEquals(List.of("96023021"), add.toAdd());
        assertEquals(List.of(), add.toRemove());
        assertFalse(add.rightsWarning());

        ChangeSummary swap = ChangeSummary.of(List.of("11554731", "96023021"), List.of("96023021", "96023022"));
        assertEquals(List.of("96023022"), swap.toAdd());
        assertEquals(List.of("11554731"), swap.toRemove());
        assertTrue(swap.rightsWarning());
        assertTrue(ChangeSummary.of(List.of("1"), List.of("1")).changesNothing());
    }

    @Test
    void aLicenseIsHostedByOneInstanceAtMostAndOnlyWhileActiveAndUnexpired() {
        License l = license(LocalDate.of(2027, 12, 31));
        l.registerTo(INSTANCE, TODAY, NOW);
        l.registerTo(INSTANCE, TODAY, NOW);
        assertEquals(INSTANCE, l.registeredInstance());
        assertEquals(
                ErrorCode.LICENSE_REGISTERED_ELSEWHERE,
                assertThrows(LicensingException.class, () -> l.registerTo(OTHER, TODAY, NOW))
                        .code());

        l.release(NOW);
        assertNull(l.registeredInstance());
        assertTrue(l.isReclaimableBy(INSTANCE), "the last host may claim it back in a sync");
        assertFalse(l.isReclaimableBy(OTHER));
        l.registerTo(OTHER, TODAY, NOW);
        assertFalse(l.isReclaimableBy(INSTANCE));

        License expired = license(LocalDate.of(2026, 6, 30));
        assertEquals(
                ErrorCode.LICENSE_NOT_REGISTRABLE,
                assertThrows(LicensingException.class, () -> expired.registerTo(INSTANCE, TODAY, NOW))
                        .code());
        License revoked = license(null);
        revoked.revoke("fraud", NOW);
        assertEquals(
                ErrorCode.LICENSE_NOT_REGISTRABLE,
                assertThrows(LicensingException.class, () -> revoked.registerTo(INSTANCE, TODAY, NOW))
                        .code());
    }

    @Test
    void instanceRequestsVerifyOnlyWithTheKeyTheBodyAndAFreshTime() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        byte[] body = "{\"licenses\":[\"11554731\"]}".getBytes(StandardCharsets.UTF_8);
        String time = NOW.toString();
        String signature = Base64.getEncoder().encodeToString(key.sign(InstanceRequests.message(INSTANCE, time, body)));

        assertTrue(InstanceRequests.verify(key.publicKey(), INSTANCE, time, body, signature, NOW.plusSeconds(30)));
        assertFalse(
                InstanceRequests.verify(
                        key.publicKey(),
                        INSTANCE,
                        time,
                        "{\"licenses\":[]}".getBytes(StandardCharsets.UTF_8),
                        signature,
                        NOW),
                "another body");
        assertFalse(InstanceRequests.verify(key.publicKey(), OTHER, time, body, signature, NOW), "another instance");
        assertFalse(
                InstanceRequests.verify(Ed25519KeyPair.generate().publicKey(), INSTANCE, time, body, signature, NOW),
                "another key");
        assertFalse(
                InstanceRequests.verify(key.publicKey(), INSTANCE, time, body, signature, NOW.plusSeconds(600)),
                "replayed later");
        assertFalse(InstanceRequests.verify(key.publicKey(), INSTANCE, "yesterday", body, signature, NOW), "no time");
        assertFalse(InstanceRequests.verify(key.publicKey(), INSTANCE, time, body, "%%%", NOW), "garbage");
    }

    @Test
    void registrationDocumentsAreCheckedForSignatureLicenseAndInstance() {
        Ed25519KeyPair publisher = Ed25519KeyPair.generate();
        Map<String, String> keys = Map.of(publisher.keyId(), Base64.getEncoder().encodeToString(publisher.publicKey()));
        License l = license(LocalDate.of(2027, 12, 31));
        byte[] doc = CanonicalJson.encode(RegistrationDocuments.documentOf(l, INSTANCE, publisher.keyId(), NOW));
        String signature = Base64.getEncoder().encodeToString(publisher.sign(doc));

        HostedTerms terms = RegistrationCheck.verified(
                new SignedRegistration("11554731", doc, publisher.keyId(), signature), keys, INSTANCE);
        assertEquals(
                new HostedTerms(
                        "Example User 1",
                        "CLOUD-PLATFORM",
                        "BASIC",
                        "compute,storage",
                        20,
                        "seats",
                        20,
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2027, 12, 31),
                        null),
                terms);

        ErrorCode forOther = assertThrows(
                        LicensingException.class,
                        () -> RegistrationCheck.verified(
                                new SignedRegistration("11554731", doc, publisher.keyId(), signature), keys, OTHER))
                .code();
        assertEquals(ErrorCode.UPSTREAM_INVALID_ANSWER, forOther, "a document for another instance is refused");
        assertThrows(
                LicensingException.class,
                () -> RegistrationCheck.verified(
                        new SignedRegistration("96023021", doc, publisher.keyId(), signature), keys, INSTANCE));
        byte[] tampered = doc.clone();
        tampered[20] ^= 1;
        assertThrows(
                LicensingException.class,
                () -> RegistrationCheck.verified(
                        new SignedRegistration("11554731", tampered, publisher.keyId(), signature), keys, INSTANCE));
        assertThrows(
                LicensingException.class,
                () -> RegistrationCheck.verified(
                        new SignedRegistration("11554731", doc, "unknown-key", signature), keys, INSTANCE));
    }

    @Test
    void anUncertainLicenseKeepsItsTermsAndRemembersSinceWhen() {
        HostedTerms terms = new HostedTerms("A", "P", "E", "", 3, "seats", 3, LocalDate.of(2026, 1, 1), null, null);
        HostedLicense h = new HostedLicense("11554731", terms, new byte[] {1}, "k", "s", "u@x", NOW);
        h.markUncertain(NOW.plusSeconds(60));
        h.markUncertain(NOW.plusSeconds(120));
        assertEquals(HostedLicense.SyncStatus.UNCERTAIN, h.status());
        assertEquals(NOW.plusSeconds(60), h.uncertainSince());
        assertEquals(terms, h.terms());
        h.confirm(terms, new byte[] {2}, "k", "s", NOW.plusSeconds(180));
        assertEquals(HostedLicense.SyncStatus.VALID, h.status());
        assertNull(h.uncertainSince());
    }
}
