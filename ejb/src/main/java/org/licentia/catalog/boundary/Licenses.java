package org.licentia.catalog.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.ActivationKeys;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.Catalog;
import org.licentia.catalog.control.InputValidation;
import org.licentia.catalog.control.LicenseDocuments;
import org.licentia.catalog.control.LicenseNumbers;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.License;
import org.licentia.catalog.entity.LicenseState;
import org.licentia.catalog.entity.LicenseTerms;
import org.licentia.catalog.entity.Product;
import org.licentia.catalog.entity.QuotaMetric;
import org.licentia.catalog.entity.Role;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.errors.UniqueConstraints;
import org.licentia.operations.LicenseCalendar;
import org.licentia.signing.boundary.SigningKeys;

/**
 * The publisher's license use cases. Publisher admins create, change and revoke; an account's
 * users read their own account's licenses.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class Licenses {

    private static final int GENERATED_NUMBER_ATTEMPTS = 5;

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    LicenseCalendar calendar;

    @Inject
    Catalog catalog;

    @Inject
    Caller caller;

    @Inject
    InputValidation validation;

    @Inject
    AuditTrail audit;

    @Inject
    SigningKeys signingKeys;

    public LicenseView create(LicenseDraft draft) {
        validation.require(draft);
        caller.requirePublisherAdmin("create licenses");
        Account owner = catalog.account(draft.account());
        Product product = catalog.product(draft.product());
        Edition edition = catalog.edition(product, draft.edition());
        LicenseTerms terms = termsOf(draft, edition);
        String number = draft.number() == null || draft.number().isBlank()
                ? unusedNumber()
                : LicenseNumbers.requireValid(draft.number());

        License license = new License(number, owner, edition, terms, ActivationKeys.next(), Instant.now());
        try {
            em.persist(license);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.isViolation(e)) {
                throw new LicensingException(
                        ErrorCode.LICENSE_NUMBER_TAKEN,
                        "License number " + number + " is already in use",
                        Map.of("number", number));
            }
            throw e;
        }
        LicenseView created = LicenseView.of(license);
        audit.record("license.create", "license", number, null, created);
        return created;
    }

    public static final int MAX_BATCH = 1000;

    /** An ERP's bulk import: up to {@value #MAX_BATCH} licenses, all created or none. */
    public List<LicenseView> createAll(List<LicenseDraft> drafts) {
        if (drafts == null || drafts.isEmpty() || drafts.size() > MAX_BATCH) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "A batch holds 1 to " + MAX_BATCH + " licenses",
                    Map.of("licenses", "1 to " + MAX_BATCH + " licenses"));
        }
        List<LicenseView> created = new java.util.ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            try {
                created.add(create(drafts.get(i)));
                // Keeps the persistence context small: dirty-checking a thousand new licenses at every
                // query would make a batch quadratic.
                em.flush();
                em.clear();
            } catch (LicensingException e) {
                Map<String, String> details = new java.util.LinkedHashMap<>(e.details());
                details.put("index", String.valueOf(i));
                throw new LicensingException(
                        e.code(), "License " + (i + 1) + " of the batch: " + e.getMessage(), details);
            }
        }
        return created;
    }

    public LicenseView update(String number, LicenseChange change) {
        validation.require(change);
        caller.requirePublisherAdmin("change licenses");
        License license = catalog.license(number, LockModeType.PESSIMISTIC_WRITE);
        LicenseView before = LicenseView.of(license);
        LicenseTerms old = license.terms();
        Edition edition =
                change.edition() == null ? license.edition() : catalog.edition(license.product(), change.edition());
        LocalDate expires =
                change.expires() == null ? old.expires() : InputValidation.date("expires", change.expires());
        LocalDate supportExpires = change.supportExpires() == null
                ? old.supportExpires()
                : InputValidation.date("supportExpires", change.supportExpires());
        int seats = change.seats() == null ? old.seats() : change.seats();
        QuotaMetric metric = change.quotaMetric() == null
                ? old.quotaMetric()
                : QuotaMetric.byId(change.quotaMetric()).orElseThrow();
        // A quota that followed the seat amount keeps following it, unless the change names one.
        int quota = change.quota() != null
                ? change.quota()
                : (old.quota() == old.seats() && metric == old.quotaMetric() ? seats : old.quota());
        int maxActivations = change.maxActivations() == null ? old.maxActivations() : change.maxActivations();
        license.changeTerms(
                edition,
                new LicenseTerms(seats, metric, quota, old.starts(), expires, supportExpires, maxActivations),
                Instant.now());
        em.flush();
        LicenseView after = LicenseView.of(license);
        audit.record("license.update", "license", number, before, after);
        return after;
    }

    public LicenseView revoke(String number, String reason) {
        caller.requirePublisherAdmin("revoke licenses");
        if (reason != null && reason.length() > 500) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "A revocation reason has at most 500 characters",
                    Map.of("reason", "at most 500 characters"));
        }
        License license = catalog.license(number, LockModeType.PESSIMISTIC_WRITE);
        LicenseView before = LicenseView.of(license);
        license.revoke(reason, Instant.now());
        em.flush();
        LicenseView after = LicenseView.of(license);
        audit.record("license.revoke", "license", number, before, after);
        return after;
    }

    /**
     * Revokes up to {@link #MAX_BATCH} licenses at once, all or none: an ERP cancelling an order,
     * or a benchmark cleaning up. Each is revoked and recorded as a single revocation is.
     */
    public List<LicenseView> revokeAll(List<String> numbers, String reason) {
        caller.requirePublisherAdmin("revoke licenses");
        if (numbers == null || numbers.isEmpty() || numbers.size() > MAX_BATCH) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "A batch holds 1 to " + MAX_BATCH + " licenses",
                    Map.of("licenses", "1 to " + MAX_BATCH + " license numbers"));
        }
        List<LicenseView> revoked = new java.util.ArrayList<>(numbers.size());
        for (String number : new java.util.TreeSet<>(numbers)) {
            revoked.add(revoke(LicenseNumbers.requireValid(number), reason));
        }
        return revoked;
    }

    /**
     * Deletes a license entered by mistake. Its licensing records stay; an on-prem instance that
     * hosts it drops it at its next sync.
     */
    public void delete(String number) {
        caller.requirePublisherAdmin("delete licenses");
        License license = catalog.license(number, LockModeType.PESSIMISTIC_WRITE);
        LicenseView before = LicenseView.of(license);
        em.remove(license);
        em.flush();
        audit.record("license.delete", "license", number, before, null);
    }

    public LicenseView get(String number) {
        License license = catalog.license(number);
        caller.requireVisible(
                license.owner(),
                () -> Catalog.licenseNotFound(number),
                "read license " + number,
                Role.LICENSE_MANAGER,
                Role.DEPUTY_LICENSE_MANAGER,
                Role.VIEWER);
        return LicenseView.of(license);
    }

    /** The license with its signed document, which a client can check offline with the server's public key. */
    public SignedLicense signed(String number) {
        License license = catalog.license(number);
        caller.requireVisible(
                license.owner(),
                () -> Catalog.licenseNotFound(number),
                "read license " + number,
                Role.LICENSE_MANAGER,
                Role.DEPUTY_LICENSE_MANAGER,
                Role.VIEWER);
        var signed = signingKeys.sign(LicenseDocuments.documentOf(license, signingKeys.currentKeyId(), Instant.now()));
        return new SignedLicense(LicenseView.of(license), signed);
    }

    public Page<LicenseView> find(LicenseQuery query) {
        validation.require(query);
        StringBuilder jpql = new StringBuilder(" from License l where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.account() != null && !query.account().isBlank()) {
            Account account = catalog.account(query.account());
            caller.requireVisible(
                    account,
                    () -> Catalog.accountNotFound(query.account()),
                    "list the licenses of " + account.name(),
                    Role.LICENSE_MANAGER,
                    Role.DEPUTY_LICENSE_MANAGER,
                    Role.VIEWER);
            jpql.append(" and l.owner = :account");
            params.put("account", account);
        } else if (!caller.isPublisherAdmin()) {
            List<Account> own = caller.accounts();
            if (own.isEmpty()) {
                return new Page<>(List.of(), query.page(), query.size(), 0);
            }
            jpql.append(" and l.owner in :accounts");
            params.put("accounts", own);
        }
        if (query.state() != null && !query.state().isBlank()) {
            jpql.append(" and l.state = :state");
            params.put("state", LicenseState.byId(query.state()).orElseThrow());
        }
        if (query.product() != null && !query.product().isBlank()) {
            jpql.append(" and l.product.code = :product");
            params.put("product", query.product());
        }
        TypedQuery<Long> count = em.createQuery("select count(l)" + jpql, Long.class);
        TypedQuery<License> select = em.createQuery("select l" + jpql + " order by l.number", License.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<LicenseView> items = select.setFirstResult(query.page() * query.size())
                .setMaxResults(query.size())
                .getResultStream()
                .map(LicenseView::of)
                .toList();
        return new Page<>(items, query.page(), query.size(), count.getSingleResult());
    }

    private LicenseTerms termsOf(LicenseDraft draft, Edition edition) {
        LocalDate starts = InputValidation.date("starts", draft.starts());
        if (starts == null) {
            starts = calendar.today();
        }
        LocalDate expires = InputValidation.date("expires", draft.expires());
        if (expires == null && edition.maxTermDays().isPresent()) {
            expires = starts.plusDays(edition.maxTermDays().get());
        }
        LocalDate supportExpires = InputValidation.date("supportExpires", draft.supportExpires());
        QuotaMetric metric = draft.quotaMetric() == null
                ? QuotaMetric.SEATS
                : QuotaMetric.byId(draft.quotaMetric()).orElseThrow();
        int seats = draft.seats();
        int quota = draft.quota() == null ? seats : draft.quota();
        int maxActivations = draft.maxActivations() == null ? seats : draft.maxActivations();
        return new LicenseTerms(seats, metric, quota, starts, expires, supportExpires, maxActivations);
    }

    private String unusedNumber() {
        for (int i = 0; i < GENERATED_NUMBER_ATTEMPTS; i++) {
            String candidate = LicenseNumbers.next();
            Long taken = em.createQuery("select count(l) from License l where l.number = :n", Long.class)
                    .setParameter("n", candidate)
                    .getSingleResult();
            if (taken == 0) {
                return candidate;
            }
        }
        throw new LicensingException(ErrorCode.INTERNAL_ERROR, "No free license number found; try again");
    }
}
