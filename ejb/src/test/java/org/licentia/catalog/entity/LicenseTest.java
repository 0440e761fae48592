package org.licentia.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

class LicenseTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    private final Product product = new Product("CLOUD-PLATFORM", "Cloud Platform");
    private final Edition basic = new Edition(product, "BASIC", "Basic Edition", null, null, true, List.of("compute"));
    private final Edition trial =
            new Edition(product, "TRIAL", "Basic Edition - Trial", 1, 30, false, List.of("compute"));
    private final Account account = new Account("Example User", NOW);

    private static LicenseTerms terms(int seats, LocalDate expires) {
        return new LicenseTerms(seats, QuotaMetric.SEATS, seats, START, expires, null, seats);
    }

    private static ErrorCode codeOf(Runnable r) {
        return assertThrows(LicensingException.class, r::run).code();
    }

    @Test
    void termsRefuseNegativeAmountsAndDatesBeforeTheStart() {
        assertEquals(ErrorCode.INVALID_INPUT, codeOf(() -> terms(-1, null)));
        assertEquals(
                ErrorCode.INVALID_INPUT,
                codeOf(() -> new LicenseTerms(1, QuotaMetric.HOSTS, -2, START, null, null, 1)));
        assertEquals(ErrorCode.EXPIRY_BEFORE_START, codeOf(() -> terms(1, START.minusDays(1))));
        assertEquals(
                ErrorCode.EXPIRY_BEFORE_START,
                codeOf(() -> new LicenseTerms(1, QuotaMetric.SEATS, 1, START, null, START.minusDays(1), 1)));
        assertEquals(START, terms(1, START).expires(), "a one-day license starts and ends the same day");
    }

    @Test
    void aTrialAllowsOneSeatForThirtyDays() {
        new License("12345678", account, trial, terms(1, START.plusDays(29)), "KEY", NOW);
        assertEquals(
                ErrorCode.EDITION_LIMIT_EXCEEDED,
                codeOf(() -> new License("12345678", account, trial, terms(2, START.plusDays(29)), "KEY", NOW)));
        assertEquals(
                ErrorCode.EDITION_LIMIT_EXCEEDED,
                codeOf(() -> new License("12345678", account, trial, terms(1, START.plusDays(30)), "KEY", NOW)),
                "30 days from the 1st end on the 30th: the 31st would be a 31st day");
        assertEquals(
                ErrorCode.EDITION_LIMIT_EXCEEDED,
                codeOf(() -> new License("12345678", account, trial, terms(1, null), "KEY", NOW)),
                "a trial never runs forever");
    }

    @Test
    void changesAreCheckedAgainstTheNewEdition() {
        License license = new License("12345678", account, basic, terms(5, null), "KEY", NOW);
        assertEquals(ErrorCode.EDITION_LIMIT_EXCEEDED, codeOf(() -> license.changeTerms(trial, terms(5, null), NOW)));
        assertEquals(5, license.terms().seats(), "a refused change leaves the license as it was");
        assertEquals("BASIC", license.edition().code());

        license.changeTerms(basic, terms(8, START.plusYears(1)), NOW);
        assertEquals(8, license.terms().seats());
    }

    @Test
    void aRevokedLicenseNeverChangesAgain() {
        License license = new License("12345678", account, basic, terms(5, null), "KEY", NOW);
        license.revoke("contract ended", NOW);
        assertEquals(LicenseState.REVOKED, license.state());
        assertEquals(ErrorCode.LICENSE_REVOKED, codeOf(() -> license.changeTerms(basic, terms(6, null), NOW)));
        assertEquals(ErrorCode.LICENSE_REVOKED, codeOf(() -> license.revoke("again", NOW)));
    }

    @Test
    void anEditionOfAnotherProductIsRefused() {
        License license = new License("12345678", account, basic, terms(5, null), "KEY", NOW);
        Edition foreign =
                new Edition(new Product("OTHER", "Other"), "BASIC", "Other Basic", null, null, true, List.of());
        assertEquals(ErrorCode.EDITION_NOT_FOUND, codeOf(() -> license.changeTerms(foreign, terms(5, null), NOW)));
    }

    @Test
    void publisherAdminIsNeverGrantedForAnAccountAndAccountRolesAlwaysAre() {
        User user = new User("a@b.c", "$2a$10$x", NOW);
        assertThrows(IllegalArgumentException.class, () -> new RoleGrant(user, account, Role.PUBLISHER_ADMIN));
        assertThrows(IllegalArgumentException.class, () -> new RoleGrant(user, null, Role.VIEWER));
        assertEquals(
                Role.DEPUTY_LICENSE_MANAGER, Role.byId("deputy-license-manager").orElseThrow());
    }
}
