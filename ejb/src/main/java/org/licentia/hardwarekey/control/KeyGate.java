package org.licentia.hardwarekey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hardwarekey.entity.KeyLicensing;

/**
 * Whether a license from a hardware key may give anything new: yes while the key is soundly held
 * or its buffer license lasts. Read from the licensing row at most {@link #MAX_AGE} old, as seat
 * terms are, so the seat path stays off the database.
 */
@ApplicationScoped
public class KeyGate {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    private record Snapshot(
            Set<String> keyLicenses, String key, KeyStatus status, Instant degradedSince, Instant loadedAt) {}

    private volatile Snapshot snapshot;

    public boolean isUsable(String license) {
        try {
            requireUsable(license);
            return true;
        } catch (LicensingException e) {
            return false;
        }
    }

    /** Throws {@code HARDWARE_KEY_BUFFER_EXPIRED} when {@code license} comes from a key whose buffer has run out. */
    public void requireUsable(String license) {
        Snapshot s = current();
        if (!s.keyLicenses().contains(license) || s.degradedSince() == null) {
            return;
        }
        int days = KeySettings.bufferDays();
        Instant ends = s.degradedSince().plus(Duration.ofDays(days));
        if (Instant.now().isBefore(ends)) {
            return;
        }
        throw new LicensingException(
                ErrorCode.HARDWARE_KEY_BUFFER_EXPIRED,
                "License " + license + " comes from hardware key " + s.key() + ", whose status is " + s.status()
                        + " since " + s.degradedSince() + "; its buffer license of " + days + " days ended at " + ends
                        + ": it gives no new seats, hosts or activations until the key is back",
                Map.of("license", license, "keyStatus", s.status().name()));
    }

    /** The installed key's condition while it is not as it should be, for the status and its alert. */
    public java.util.Optional<org.licentia.status.control.AlertRules.KeyFacts> facts() {
        Snapshot s = current();
        if (s.degradedSince() == null || s.key() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new org.licentia.status.control.AlertRules.KeyFacts(
                s.key(),
                s.status().name(),
                s.degradedSince(),
                s.degradedSince().plus(Duration.ofDays(KeySettings.bufferDays()))));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().isBefore(Instant.now().minus(MAX_AGE))) {
            s = reload();
        }
        return s;
    }

    private synchronized Snapshot reload() {
        KeyLicensing state = em.find(KeyLicensing.class, KeyLicensing.THE_ONE);
        Set<String> numbers = Set.copyOf(
                em.createQuery("select h.number from HostedLicense h where h.source = 'HARDWARE_KEY'", String.class)
                        .getResultList());
        Snapshot s = new Snapshot(numbers, state.installedKey(), state.status(), state.degradedSince(), Instant.now());
        snapshot = s;
        return s;
    }
}
