package org.licentia.status.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.licentia.records.control.RecordBook;
import org.licentia.registration.boundary.InstanceIdentity;
import org.licentia.registration.entity.HostedLicense;
import org.licentia.registration.entity.LocalInstance;
import org.licentia.status.entity.AlertNotification;
import org.licentia.status.entity.LicenseAlert;

/**
 * Keeps the alerts in the database in step with the rules: an alert that appears is started, one
 * that went away is ended, each exactly once, by whichever node looks first (the instance row's
 * lock serialises them). Each start and end is queued for the webhook, if one is set, in the same
 * transaction; a license found newly expired gets its "expire" licensing record.
 */
@Stateless
@PermitAll
public class AlertLedger {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseReadings readings;

    @Inject
    AlertSettings settings;

    @Inject
    InstanceIdentity identity;

    @Inject
    RecordBook records;

    /** Starts and ends alerts to match the rules now; returns the readings it went by. */
    public LicenseReadings.Readings check() {
        em.find(LocalInstance.class, LocalInstance.THE_ONE, LockModeType.PESSIMISTIC_WRITE);
        LicenseReadings.Readings now = readings.read();
        Instant at = Instant.now();
        Map<String, AlertRules.Alert> current = new LinkedHashMap<>();
        now.alerts().forEach(a -> current.put(key(a.kind().name(), a.license()), a));
        Map<String, LicenseAlert> open = new LinkedHashMap<>();
        openAlerts().forEach(a -> open.put(key(a.kind(), a.licenseNumber()), a));
        Optional<URI> webhook = settings.webhook();
        for (Map.Entry<String, LicenseAlert> e : open.entrySet()) {
            AlertRules.Alert still = current.get(e.getKey());
            if (still == null) {
                e.getValue().end(at);
                webhook.ifPresent(url -> queue(e.getValue(), "ENDED", at));
            } else {
                e.getValue().stillActive(still.reason());
            }
        }
        for (Map.Entry<String, AlertRules.Alert> e : current.entrySet()) {
            if (open.containsKey(e.getKey())) {
                continue;
            }
            AlertRules.Alert a = e.getValue();
            LicenseAlert started = new LicenseAlert(a.kind().name(), a.license(), a.account(), a.reason(), at);
            em.persist(started);
            em.flush();
            webhook.ifPresent(url -> queue(started, "STARTED", at));
            if (a.kind() == AlertRules.Kind.LICENSE_EXPIRED) {
                hosted(a.license())
                        .ifPresent(h -> records.record(
                                RecordBook.Change.EXPIRE, RecordBook.methodOf(h), h, "EXPIRED", "alert-watch", at));
            }
        }
        // delivered and given-up notifications are kept a month for whoever investigates, then go: the table stays
        // small
        em.createQuery("delete from AlertNotification n where n.state <> 'PENDING' and n.nextAttemptAt < :old")
                .setParameter("old", at.minus(java.time.Duration.ofDays(30)))
                .executeUpdate();
        return now;
    }

    public List<LicenseAlert> openAlerts() {
        return em.createQuery(
                        "select a from LicenseAlert a where a.endedAt is null order by a.startedAt, a.id",
                        LicenseAlert.class)
                .getResultList();
    }

    /** The webhook deliveries due now, oldest first: the receiver gets starts and ends in order. */
    public List<AlertNotification> due(int max) {
        return em.createQuery(
                        "select n from AlertNotification n where n.state = 'PENDING' and n.nextAttemptAt <= :now"
                                + " order by n.id",
                        AlertNotification.class)
                .setParameter("now", Instant.now())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Takes a due delivery for this node for {@code forHowLong}: the attempt time it was seen with
     * must still be there, so two nodes never post the same notification at once.
     */
    public boolean claim(AlertNotification n, Instant until) {
        return em.createQuery("update AlertNotification n set n.nextAttemptAt = :until"
                                + " where n.id = :id and n.state = 'PENDING' and n.nextAttemptAt = :seen")
                        .setParameter("until", until)
                        .setParameter("id", n.id())
                        .setParameter("seen", n.nextAttemptAt())
                        .executeUpdate()
                == 1;
    }

    public void settle(long id, String error) {
        AlertNotification n = em.find(AlertNotification.class, id);
        if (error == null) {
            n.delivered(Instant.now());
        } else {
            n.failed(error, Instant.now(), settings.retryDelay(), settings.maxAttempts());
        }
    }

    private void queue(LicenseAlert a, String event, Instant at) {
        JsonObjectBuilder alert = Json.createObjectBuilder()
                .add("id", a.id())
                .add("kind", a.kind())
                .add("title", AlertRules.Kind.valueOf(a.kind()).title())
                .add("license", a.licenseNumber())
                .add("account", a.ownerAccount())
                .add("reason", a.reason())
                .add("startedAt", a.startedAt().toString());
        if (a.endedAt() != null) {
            alert.add("endedAt", a.endedAt().toString());
        }
        String payload = Json.createObjectBuilder()
                .add("event", "STARTED".equals(event) ? "alert.started" : "alert.ended")
                .add("instanceId", identity.instanceId())
                .add("occurredAt", at.toString())
                .add("alert", alert)
                .build()
                .toString();
        em.persist(new AlertNotification(a.id(), event, payload, at));
    }

    private Optional<HostedLicense> hosted(String number) {
        return em.createQuery("select h from HostedLicense h where h.number = :n", HostedLicense.class)
                .setParameter("n", number)
                .getResultStream()
                .findFirst();
    }

    private static String key(String kind, String license) {
        return kind + ":" + license;
    }
}
