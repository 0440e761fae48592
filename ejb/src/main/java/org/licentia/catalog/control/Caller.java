package org.licentia.catalog.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Role;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * The signed-in user and what their role grants allow. The container has authenticated the caller;
 * this checks rights per account, which container roles alone cannot express.
 */
@Dependent
public class Caller {

    @Inject
    Principal principal;

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    public String email() {
        // The security domain lower-cases the name already (wildfly-config/cli/licentia.cli); this keeps
        // a server configured without that transformer from failing every rights check.
        return principal == null ? "anonymous" : principal.getName().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isPublisherAdmin() {
        return !rolesFor(null).isEmpty();
    }

    /** The caller's roles on the account; for a null account, the publisher roles. */
    public Set<Role> rolesFor(Account account) {
        List<Role> roles = account == null
                ? em.createQuery(
                                "select g.role from RoleGrant g where g.user.email = :email and g.account is null",
                                Role.class)
                        .setParameter("email", email())
                        .getResultList()
                : em.createQuery(
                                "select g.role from RoleGrant g where g.user.email = :email and g.account = :account",
                                Role.class)
                        .setParameter("email", email())
                        .setParameter("account", account)
                        .getResultList();
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public List<Account> accounts() {
        return em.createQuery(
                        "select distinct g.account from RoleGrant g where g.user.email = :email and g.account is not null",
                        Account.class)
                .setParameter("email", email())
                .getResultList();
    }

    public void requirePublisherAdmin(String what) {
        if (!isPublisherAdmin()) {
            throw forbidden(what);
        }
    }

    /** Passes when the caller is a publisher admin or holds one of the roles on the account. */
    public void requireOnAccount(Account account, String what, Role... anyOf) {
        if (isPublisherAdmin()) {
            return;
        }
        Set<Role> held = rolesFor(account);
        for (Role r : anyOf) {
            if (held.contains(r)) {
                return;
            }
        }
        throw forbidden(what);
    }

    /**
     * Like {@link #requireOnAccount}, for something that belongs to the account: to a caller with no
     * role at all on the account it does not exist, so {@code asIfMissing} is thrown, exactly what
     * the caller would get for something that really does not exist. Only a caller who may know of
     * it learns that a role is missing.
     */
    public void requireVisible(
            Account account, java.util.function.Supplier<LicensingException> asIfMissing, String what, Role... anyOf) {
        if (isPublisherAdmin()) {
            return;
        }
        Set<Role> held = rolesFor(account);
        if (held.isEmpty()) {
            throw asIfMissing.get();
        }
        for (Role r : anyOf) {
            if (held.contains(r)) {
                return;
            }
        }
        throw forbidden(what);
    }

    public LicensingException forbidden(String what) {
        return new LicensingException(ErrorCode.FORBIDDEN, email() + " is not allowed to " + what);
    }
}
