package org.licentia.hardwarekey.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hardwarekey.entity.KeyLicensing;
import org.licentia.status.control.AlertRules;

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
        return blocking(license).isEmpty();
    }

    /** Throws {@code HARDWARE_KEY_BUFFER_EXPIRED} when {@code license} comes from a key whose buffer has run out. */
    public void requireUsable(String license) {
        blocking(license).ifPresent(k -> {
            throw new LicensingException(
                    ErrorCode.HARDWARE_KEY_BUFFER_EXPIRED,
                    "License " + license + " comes from hardware key " + k.key() + ", whose status is " + k.status()
                            + " since " + k.since() + "; its buffer license of " + KeySettings.bufferDays()
                            + " days ended at " + k.bufferEndsAt()
                            + ": it gives no new seats, hosts or activations until the key is back",
                    Map.of("license", license, "keyStatus", k.status()));
        });
    }

    /** The installed key's condition while it is not as it should be, for the status and its alert. */
    public Optional<AlertRules.KeyFacts> facts() {
        return facts(current());
    }

    /** The key's condition when it stops {@code license}: a license of that key, past the buffer's end. */
    private Optional<AlertRules.KeyFacts> blocking(String license) {
        Snapshot s = current();
        if (!s.keyLicenses().contains(license)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return facts(s).filter(k -> k.bufferEnded(now));
    }

    private static Optional<AlertRules.KeyFacts> facts(Snapshot s) {
        if (s.degradedSince() == null || s.key() == null) {
            return Optional.empty();
        }
        return Optional.of(new AlertRules.KeyFacts(
                s.key(), s.status().name(), s.degradedSince(), KeySettings.bufferEndsAt(s.degradedSince())));
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
