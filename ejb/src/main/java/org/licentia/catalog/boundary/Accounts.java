package org.licentia.catalog.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.entity.Account;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.errors.UniqueConstraints;

/** Customer accounts: publisher admins create them; everyone lists the accounts they belong to. */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class Accounts {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    public AccountView create(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > Account.MAX_NAME_LENGTH) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "An account name has 1 to " + Account.MAX_NAME_LENGTH + " characters",
                    Map.of("name", "1 to " + Account.MAX_NAME_LENGTH + " characters"));
        }
        caller.requirePublisherAdmin("create accounts");
        Account account = new Account(trimmed, Instant.now());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.isViolation(e)) {
                throw new LicensingException(
                        ErrorCode.ACCOUNT_NAME_TAKEN,
                        "An account named '" + trimmed + "' already exists",
                        Map.of("name", trimmed));
            }
            throw e;
        }
        AccountView view = AccountView.of(account);
        audit.record("account.create", "account", trimmed, null, view);
        return view;
    }

    public List<AccountView> list() {
        List<Account> accounts = caller.isPublisherAdmin()
                ? em.createQuery("select a from Account a order by a.name", Account.class)
                        .getResultList()
                : caller.accounts();
        return accounts.stream()
                .map(AccountView::of)
                .sorted(Comparator.comparing(AccountView::name))
                .toList();
    }
}
