package org.licentia.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.licentia.status.control.AlertRules;
import org.licentia.status.control.AlertRules.Facts;
import org.licentia.status.control.AlertRules.Kind;

class AlertRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final AlertRules.Thresholds SEED = new AlertRules.Thresholds(15, 30);

    private static Facts license(LocalDate expires, LocalDate support, int used, int quota) {
        return new Facts("12345678", "Acme", expires, support, "hosts", quota, used);
    }

    private static List<Kind> kinds(Facts f) {
        return AlertRules.alerts(f, TODAY, SEED).stream()
                .map(AlertRules.Alert::kind)
                .toList();
    }

    @Test
    void lessThanFifteenDaysLeftWarns() {
        assertEquals(List.of(), kinds(license(TODAY.plusDays(15), null, 0, 1)), "15 days left is not less than 15");
        assertEquals(List.of(Kind.LICENSE_TO_EXPIRE), kinds(license(TODAY.plusDays(14), null, 0, 1)));
        assertEquals(List.of(Kind.LICENSE_TO_EXPIRE), kinds(license(TODAY, null, 0, 1)), "the last day still warns");
        assertTrue(AlertRules.alerts(license(TODAY.plusDays(1), null, 0, 1), TODAY, SEED)
                .get(0)
                .reason()
                .contains("(1 day left)"));
    }

    @Test
    void supportEndingWithinThirtyDaysWarnsButSupportThatEndedDoesNot() {
        LocalDate far = TODAY.plusYears(1);
        assertEquals(List.of(Kind.LICENSE_TO_EXPIRE), kinds(license(far, TODAY.plusDays(29), 0, 1)));
        assertEquals(List.of(), kinds(license(far, TODAY.plusDays(30), 0, 1)));
        assertEquals(List.of(), kinds(license(far, TODAY.minusDays(1), 0, 1)));
        AlertRules.Alert both = AlertRules.alerts(license(TODAY.plusDays(3), TODAY.plusDays(3), 0, 1), TODAY, SEED)
                .get(0);
        assertTrue(both.reason().contains("after-sales support"), both.reason());
        assertEquals(TODAY.plusDays(3), both.date());
    }

    @Test
    void theDayAfterTheExpiryItHasExpiredAndOnlyThatIsSaid() {
        Facts expired = license(TODAY.minusDays(1), TODAY.minusDays(1), 5, 1);
        assertTrue(AlertRules.isExpired(expired, TODAY));
        assertEquals(List.of(Kind.LICENSE_EXPIRED), kinds(expired));
        assertTrue(!AlertRules.isExpired(license(TODAY, null, 0, 1), TODAY), "valid through its expiry day");
        assertEquals(List.of(), kinds(license(null, null, 0, 1)), "a perpetual license never expires");
    }

    @Test
    void usageOverTheQuotaIsInsufficientQuotaButUsageAtItIsNot() {
        assertEquals(List.of(), kinds(license(null, null, 4, 4)));
        assertEquals(List.of(Kind.INSUFFICIENT_QUOTA), kinds(license(null, null, 5, 4)));
        assertEquals(
                List.of(Kind.LICENSE_TO_EXPIRE, Kind.INSUFFICIENT_QUOTA),
                kinds(license(TODAY.plusDays(2), null, 5, 4)));
    }

    @Test
    void thresholdsAreSettings() {
        AlertRules.Thresholds early = new AlertRules.Thresholds(60, 90);
        assertEquals(
                1,
                AlertRules.alerts(license(TODAY.plusDays(59), null, 0, 1), TODAY, early)
                        .size());
        assertEquals(
                0,
                AlertRules.alerts(license(TODAY.plusDays(59), null, 0, 1), TODAY, SEED)
                        .size());
    }
}
