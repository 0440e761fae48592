package org.licentia.activation.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;
import org.licentia.activation.control.ActivationMetrics;
import org.licentia.activation.control.ActivationSettings;
import org.licentia.activation.control.ComputerKeys;
import org.licentia.activation.control.RequestLimits;
import org.licentia.activation.control.TypedCodes;
import org.licentia.activation.entity.Activation;
import org.licentia.activation.entity.ActivationState;
import org.licentia.audit.control.AuditTrail;
import org.licentia.audit.control.RequestChannel;
import org.licentia.audit.entity.Channel;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.Catalog;
import org.licentia.catalog.control.InputValidation;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.LicenseState;
import org.licentia.catalog.entity.Role;
import org.licentia.client.activation.ActivationKey;
import org.licentia.client.activation.ClockGuard;
import org.licentia.client.activation.ComputerId;
import org.licentia.client.activation.DeactivationCode;
import org.licentia.client.activation.InvalidDeactivationCodeException;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.hosts.control.QuotaRestriction;
import org.licentia.operations.LicenseCalendar;

/**
 * Node-locked activation on the publisher: computers activate with the license's activation key
 * (online, or through the publisher's staff for a computer without a connection), prove their
 * deactivation with a deactivation code, and ask whether their activation still stands.
 *
 * <p>The activation key is the customer's credential, so activating, validating and deactivating
 * need no sign-in; creating an activation for a computer ID someone sent, listing and releasing
 * activations are for the publisher's staff.
 */
@Stateless
@PermitAll
public class Activations {

    static final String STAFF = "publisher-admin, license-manager, deputy-license-manager";
    private static final Duration DAY = Duration.ofDays(1);
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final java.lang.reflect.Type FIELDS =
            new TreeMap<String, String>() {}.getClass().getGenericSuperclass();

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseCalendar calendar;

    @Inject
    QuotaRestriction quota;

    @Inject
    InputValidation validation;

    @Inject
    ComputerKeys computerKeys;

    @Inject
    ActivationSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    Catalog catalog;

    @Inject
    ActivationMetrics metrics;

    @Inject
    RequestLimits limits;

    @Inject
    RequestChannel request;

    /** A computer activates itself with the activation key it was given. */
    public IssuedActivation activate(ActivationRequest request) {
        return activate(request, false);
    }

    /**
     * The publisher's staff activate a computer whose ID the customer sent them (offline activation);
     * the customer then types the computer key. Staff decide about churn, so the daily limit on
     * deactivations does not apply.
     */
    @RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager"})
    public IssuedActivation create(ActivationRequest request) {
        return activate(request, true);
    }

    private IssuedActivation activate(ActivationRequest request, boolean byStaff) {
        if (!byStaff) {
            admitPerAddress();
        }
        validation.require(request);
        singleRowWrites();
        ActivationKey key = TypedCodes.activationKey(request.activationKey());
        ComputerId computer = TypedCodes.computerId(request.computerId());
        Instant now = Instant.now();
        // The lock serialises the activations of one license, so counting its slots and taking one is atomic.
        License license = licenseOf(key, LockModeType.PESSIMISTIC_WRITE);
        if (byStaff) {
            caller.requireVisible(
                    license.owner(),
                    () -> unknownKey(key),
                    "activate license " + license.number(),
                    Role.LICENSE_MANAGER,
                    Role.DEPUTY_LICENSE_MANAGER);
        }
        requireActivatable(license, now);
        // on a server that also hosts the license, usage over its quota restricts new activations too
        quota.requireWithinQuota(license.number());
        List<Activation> existing = em.createQuery(
                        "select a from Activation a where a.license = :license and a.state = :active"
                                + " and a.computerId = :computer",
                        Activation.class)
                .setParameter("license", license)
                .setParameter("active", ActivationState.ACTIVE)
                .setParameter("computer", computer.toString())
                .getResultList();
        if (!existing.isEmpty()) {
            return new IssuedActivation(
                    view(
                            existing.get(0),
                            computerKeys
                                    .issue(existing.get(0), key, computer, now)
                                    .toString()),
                    false);
        }
        if (!byStaff) {
            requireFewDeactivations(license, now);
        }
        long active = em.createQuery(
                        "select count(a) from Activation a where a.license = :license and a.state = :active",
                        Long.class)
                .setParameter("license", license)
                .setParameter("active", ActivationState.ACTIVE)
                .getSingleResult();
        int max = license.terms().maxActivations();
        if (active >= max) {
            metrics.refusedAtLimit();
            throw new LicensingException(
                    ErrorCode.ACTIVATION_LIMIT_REACHED,
                    "License " + license.number() + " is activated on " + active + " of " + max
                            + " computers; deactivate one first",
                    Map.of("maxActivations", String.valueOf(max), "active", String.valueOf(active)));
        }
        String actor = byStaff ? caller.email() : "computer " + computer;
        Activation activation = new Activation(
                license,
                computer.toString(),
                computer.installationFingerprint(),
                request.computerName(),
                request.fields().isEmpty() ? null : JSON.toJson(new TreeMap<>(request.fields())),
                actor,
                now);
        em.persist(activation);
        metrics.activatedOnCommit();
        String computerKey = computerKeys.issue(activation, key, computer, now).toString();
        ActivationView view = view(activation, computerKey);
        audit.recordAs(actor, "activation.created", "activation", view.activationId(), null, Recorded.of(view));
        return new IssuedActivation(view, true);
    }

    /**
     * What a computer calls with only its activation key or deactivation code needs no sign-in, so
     * it is admitted per client address, lest it be used to try keys or codes in bulk: requests
     * through the pages by the self-help limit, through the APIs by the activation limit.
     */
    private void admitPerAddress() {
        if (request.get() == Channel.PAGE) {
            limits.admitSelfHelp(request.clientAddress(), Instant.now());
        } else {
            limits.admitActivation(request.clientAddress(), Instant.now());
        }
    }

    /** The product a license's activation key is for, and that product's feature catalog. */
    public record FeatureCatalogView(String product, List<String> featureCatalog) {}

    /**
     * The feature catalog compact computer keys of this activation key grant features by: what an
     * application lists ({@code NodeLock.withFeatureCatalog}), for the one holding the key.
     */
    public FeatureCatalogView featureCatalog(String activationKey) {
        admitPerAddress();
        License license = licenseOf(TypedCodes.activationKey(activationKey), LockModeType.NONE);
        return new FeatureCatalogView(license.product().code(), Edition.featureCatalog(em, license.product()));
    }

    /** Online validation: whether this computer's activation of the license stands. */
    public ActivationStatus status(String activationKey, String computerId) {
        admitPerAddress();
        ActivationKey key = TypedCodes.activationKey(activationKey);
        ComputerId computer = TypedCodes.computerId(computerId);
        License license = licenseOf(key, LockModeType.NONE);
        List<Activation> latest = em.createQuery(
                        "select a from Activation a where a.license = :license and a.computerId = :computer"
                                + " order by a.id desc",
                        Activation.class)
                .setParameter("license", license)
                .setParameter("computer", computer.toString())
                .setMaxResults(1)
                .getResultList();
        if (latest.isEmpty()) {
            return new ActivationStatus("NOT_ACTIVATED", null, license.number(), null);
        }
        Activation a = latest.get(0);
        String status = license.state() == LicenseState.REVOKED
                ? ActivationState.REVOKED.name()
                : a.state().name();
        return new ActivationStatus(status, a.id().toString(), license.number(), a.deactivatedAt());
    }

    /**
     * Ends the activation that a deactivation code proves given up, online or offline alike. The
     * code names the installation key; of that installation's activations, the one it is signed for
     * is ended, once.
     */
    public ActivationView deactivate(String dvc) {
        admitPerAddress();
        DeactivationCode code = TypedCodes.deactivationCode(dvc);
        singleRowWrites();
        List<Activation> used = em.createQuery(
                        "select a from Activation a where a.deactivationCodeId = :id", Activation.class)
                .setParameter("id", code.id())
                .getResultList();
        if (!used.isEmpty()) {
            throw new LicensingException(
                    ErrorCode.ACTIVATION_ALREADY_DEACTIVATED,
                    "This deactivation code was already accepted at "
                            + used.get(0).deactivatedAt() + " for activation "
                            + used.get(0).id(),
                    Map.of(
                            "activationId",
                            used.get(0).id().toString(),
                            "status",
                            used.get(0).state().name()));
        }
        List<Activation> candidates = em.createQuery(
                        "select a from Activation a join fetch a.license"
                                + " where a.installationFingerprint = :fingerprint order by a.id desc",
                        Activation.class)
                .setParameter("fingerprint", code.installationFingerprint())
                .getResultList();
        if (candidates.isEmpty()) {
            throw new LicensingException(
                    ErrorCode.ACTIVATION_NOT_FOUND,
                    "No activation was made for the installation that made this deactivation code");
        }
        for (Activation candidate : candidates) {
            Instant madeAt;
            try {
                madeAt = code.verify(candidate.id().toString(), ComputerId.parse(candidate.computerId()));
            } catch (InvalidDeactivationCodeException notForThisOne) {
                continue;
            }
            em.refresh(candidate, LockModeType.PESSIMISTIC_WRITE);
            if (madeAt.isBefore(candidate.activatedAt().minus(ClockGuard.TOLERANCE))) {
                throw new LicensingException(
                        ErrorCode.INVALID_DEACTIVATION_CODE,
                        "The deactivation code is dated " + madeAt + ", before the activation itself ("
                                + candidate.activatedAt() + "): the computer's clock was set back",
                        Map.of("reason", "BEFORE_ACTIVATION"));
            }
            Recorded before = Recorded.of(view(candidate, null));
            String actor = caller.email().equals("anonymous") ? "computer " + candidate.computerId() : caller.email();
            candidate.deactivate(code.id(), Instant.now(), actor);
            ActivationView after = view(candidate, null);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("activation", Recorded.of(after));
            record.put("deactivationCodeTime", madeAt.toString());
            audit.recordAs(actor, "activation.deactivated", "activation", after.activationId(), before, record);
            return after;
        }
        throw new LicensingException(
                ErrorCode.INVALID_DEACTIVATION_CODE,
                "The deactivation code is not signed for any activation of its installation: mistyped, altered or forged",
                Map.of("reason", InvalidDeactivationCodeException.Reason.BAD_SIGNATURE.name()));
    }

    @RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
    public List<ActivationView> list(String licenseNumber) {
        License license = catalog.license(licenseNumber);
        caller.requireVisible(
                license.owner(),
                () -> Catalog.licenseNotFound(licenseNumber),
                "list the activations of license " + license.number(),
                Role.LICENSE_MANAGER,
                Role.DEPUTY_LICENSE_MANAGER,
                Role.VIEWER);
        return em.createQuery("select a from Activation a where a.license = :license order by a.id", Activation.class)
                .setParameter("license", license)
                .getResultStream()
                .map(a -> view(a, null))
                .toList();
    }

    /** The license an activation key belongs to: staff look it up by what the customer reads to them. */
    @RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
    public LicenseView licenseWithKey(String activationKey) {
        ActivationKey key = TypedCodes.activationKey(activationKey);
        License license = licenseOf(key, LockModeType.NONE);
        caller.requireVisible(
                license.owner(),
                () -> unknownKey(key),
                "read license " + license.number(),
                Role.LICENSE_MANAGER,
                Role.DEPUTY_LICENSE_MANAGER,
                Role.VIEWER);
        return LicenseView.of(license);
    }

    /** Staff free a slot without a deactivation code, for a computer that is lost; its key no longer validates online. */
    @RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager"})
    public ActivationView release(String activationId) {
        Activation activation = find(activationId);
        caller.requireVisible(
                activation.license().owner(),
                () -> activationNotFound(activationId),
                "release activation " + activationId,
                Role.LICENSE_MANAGER,
                Role.DEPUTY_LICENSE_MANAGER);
        em.refresh(activation, LockModeType.PESSIMISTIC_WRITE);
        Recorded before = Recorded.of(view(activation, null));
        activation.revoke(Instant.now(), caller.email());
        ActivationView after = view(activation, null);
        audit.record("activation.released", "activation", activationId, before, Recorded.of(after));
        return after;
    }

    /**
     * What the licensing records keep of an activation: who, where and in which state, not what
     * follows from the license (features, expiry); small, since one is written per activation.
     */
    public record Recorded(
            String license, String computerId, String computerName, Map<String, String> fields, String status) {

        static Recorded of(ActivationView v) {
            return new Recorded(
                    v.license(),
                    v.computerId(),
                    v.computerName(),
                    v.fields().isEmpty() ? null : v.fields(),
                    v.status());
        }
    }

    private Activation find(String activationId) {
        long id;
        try {
            id = Long.parseLong(activationId);
        } catch (NumberFormatException e) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "An activation ID is a number, got '" + activationId + "'",
                    Map.of("activationId", "a number"));
        }
        Activation activation = em.find(Activation.class, id);
        if (activation == null) {
            throw activationNotFound(activationId);
        }
        return activation;
    }

    private static LicensingException activationNotFound(String activationId) {
        return new LicensingException(
                ErrorCode.ACTIVATION_NOT_FOUND, "No activation " + activationId, Map.of("activationId", activationId));
    }

    private static LicensingException unknownKey(ActivationKey key) {
        return new LicensingException(
                ErrorCode.ACTIVATION_KEY_NOT_FOUND,
                "No license has the activation key " + key + "; check it against the one you were sent");
    }

    /**
     * An activation writes one row of each kind, which JDBC batching cannot speed up; and H2's
     * batch call makes an exception with its stack trace every time, a fifth of an activation's cost.
     */
    private void singleRowWrites() {
        em.unwrap(Session.class).setJdbcBatchSize(1);
    }

    private License licenseOf(ActivationKey key, LockModeType lock) {
        List<License> found = em.createQuery("select l from License l where l.activationKey = :key", License.class)
                .setParameter("key", key.toString())
                .setLockMode(lock)
                .getResultList();
        if (found.isEmpty()) {
            throw unknownKey(key);
        }
        return found.get(0);
    }

    private void requireActivatable(License license, Instant now) {
        if (license.state() == LicenseState.REVOKED) {
            throw new LicensingException(
                    ErrorCode.LICENSE_REVOKED,
                    "License " + license.number() + " is revoked",
                    Map.of("license", license.number()));
        }
        LocalDate today = calendar.dayOf(now);
        if (license.isExpiredOn(today)) {
            throw new LicensingException(
                    ErrorCode.LICENSE_EXPIRED,
                    "License " + license.number() + " expired on "
                            + license.terms().expires(),
                    Map.of(
                            "license",
                            license.number(),
                            "expires",
                            license.terms().expires().toString()));
        }
    }

    /** Refuses a new activation while the license has had too many deactivations in the last 24 hours. */
    private void requireFewDeactivations(License license, Instant now) {
        int limit = settings.maxDeactivationsPerDay();
        Object[] recent = em.createQuery(
                        "select count(a), min(a.deactivatedAt) from Activation a where a.license = :license"
                                + " and a.state = :deactivated and a.deactivatedAt > :since",
                        Object[].class)
                .setParameter("license", license)
                .setParameter("deactivated", ActivationState.DEACTIVATED)
                .setParameter("since", now.minus(DAY))
                .getSingleResult();
        long count = (Long) recent[0];
        if (count >= limit) {
            Instant retryAfter = ((Instant) recent[1]).plus(DAY);
            throw new LicensingException(
                    ErrorCode.ACTIVATION_CYCLE_LIMIT,
                    "License " + license.number() + " was deactivated " + count
                            + " times in the last 24 hours (the limit is " + limit + "); activate again after "
                            + retryAfter + " or ask the publisher",
                    Map.of(
                            "deactivations",
                            String.valueOf(count),
                            "limit",
                            String.valueOf(limit),
                            "retryAfter",
                            retryAfter.toString()));
        }
    }

    private ActivationView view(Activation a, String computerKey) {
        License l = a.license();
        Map<String, String> fields = a.fields() == null ? Map.of() : JSON.fromJson(a.fields(), FIELDS);
        return new ActivationView(
                a.id().toString(),
                l.number(),
                l.product().code(),
                a.computerId(),
                a.computerName(),
                fields,
                a.state().name(),
                a.activatedAt(),
                a.deactivatedAt(),
                l.terms().expires(),
                l.edition().features(),
                computerKey);
    }
}
