package org.licentia.records.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.licentia.operations.LicenseCalendar;
import org.licentia.records.entity.LicensingRecord;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.HostedTerms;

/**
 * On-prem side: writes the Licensing Record, one row per license per change, in the transaction
 * of the change itself, so a change that rolls back leaves no row and a row never lacks its change.
 */
@ApplicationScoped
public class RecordBook {

    /** The seed's management types. */
    public enum Change {
        INSTALL,
        UPDATE,
        REMOVE,
        EXPIRE,
        /** A return's steps: RETURN_PENDING, then RETURNED or RETURN_CANCELLED. */
        RETURN
    }

    /** The seed's authorization methods. */
    public enum Method {
        ONLINE,
        LICENSE_FILE,
        HARDWARE_KEY
    }

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseCalendar calendar;

    /** A change to {@code h}, whose status is read from its terms (valid or expired). */
    public void record(Change change, Method method, HostedLicense h, String actor, Instant now) {
        record(change, method, h, statusOf(h.terms()), actor, now);
    }

    /** A change with a status of its own, such as the reason a sync removed the license. */
    public void record(Change change, Method method, HostedLicense h, String status, String actor, Instant now) {
        HostedTerms t = h.terms();
        em.persist(new LicensingRecord(
                now,
                change.name(),
                method.name(),
                h.number(),
                t.product() + " " + t.edition() + " (license " + h.number() + ")",
                quotaOf(t),
                status,
                issuedAt(h),
                t.expires(),
                actor,
                t.account()));
    }

    public static Method methodOf(HostedLicense h) {
        return h.isFromFile()
                ? Method.LICENSE_FILE
                : HostedLicense.HARDWARE_KEY.equals(h.source()) ? Method.HARDWARE_KEY : Method.ONLINE;
    }

    private String statusOf(HostedTerms t) {
        return t.expires() != null && t.expires().isBefore(calendar.today()) ? "EXPIRED" : "VALID";
    }

    static String quotaOf(HostedTerms t) {
        return "seats".equals(t.quotaMetric())
                ? t.seats() + " seats"
                : t.quota() + " " + t.quotaMetric() + ", " + t.seats() + " seats";
    }

    /** When the publisher issued the document the license arrived with; null if it cannot be read. */
    private static Instant issuedAt(HostedLicense h) {
        try {
            JsonObject doc =
                    Json.createReader(new ByteArrayInputStream(h.document())).readObject();
            return doc.containsKey("issuedAt") ? Instant.parse(doc.getString("issuedAt")) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
