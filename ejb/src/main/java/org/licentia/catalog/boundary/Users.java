package org.licentia.catalog.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.licentia.audit.control.AuditTrail;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.control.Catalog;
import org.licentia.catalog.control.InputValidation;
import org.licentia.catalog.control.Passwords;
import org.licentia.catalog.entity.Account;
import org.licentia.catalog.entity.Role;
import org.licentia.catalog.entity.RoleGrant;
import org.licentia.catalog.entity.User;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.errors.UniqueConstraints;

/**
 * Users and their roles. A publisher admin manages anyone; an account's license manager manages
 * the users of that account, but never grants publisher-admin.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class Users {

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Catalog catalog;

    @Inject
    InputValidation validation;

    @Inject
    AuditTrail audit;

    public UserView add(NewUser newUser) {
        validation.require(newUser);
        Role role = Role.byId(newUser.role()).orElseThrow();
        Account account = accountFor(role, newUser.account());
        authorize(role, account, "add users");
        User user = new User(newUser.email().strip().toLowerCase(), Passwords.hash(newUser.password()), Instant.now());
        try {
            em.persist(user);
            em.persist(new RoleGrant(user, account, role));
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.isViolation(e)) {
                throw new LicensingException(
                        ErrorCode.USER_EMAIL_TAKEN,
                        "A user " + user.email() + " already exists",
                        Map.of("email", user.email()));
            }
            throw e;
        }
        UserView view = viewOf(user);
        audit.record("user.add", "user", user.email(), null, view);
        return view;
    }

    /** Replaces the user's roles on one account (or their publisher roles) with exactly the given ones. */
    public UserView assignRoles(String email, RoleAssignment assignment) {
        validation.require(assignment);
        User user = catalog.user(normalized(email));
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        assignment.roles().forEach(id -> wanted.add(Role.byId(id).orElseThrow()));
        Account account = assignment.account() == null || assignment.account().isBlank()
                ? null
                : catalog.account(assignment.account());
        for (Role r : wanted) {
            if (r.isAccountRole() == (account == null)) {
                throw new LicensingException(
                        ErrorCode.INVALID_INPUT,
                        r.isAccountRole()
                                ? "Role " + r.id() + " is granted for an account: name it"
                                : "Role " + r.id() + " is not granted for an account",
                        Map.of("roles", r.id()));
            }
        }
        if (account == null) {
            caller.requirePublisherAdmin("grant publisher roles");
        } else {
            caller.requireVisible(
                    account,
                    () -> Catalog.accountNotFound(account.name()),
                    "change roles on " + account.name(),
                    Role.LICENSE_MANAGER);
        }
        UserView before = viewOf(user);
        List<RoleGrant> current = grantsOf(user).stream()
                .filter(g -> account == null
                        ? g.account() == null
                        : g.account() != null && g.account().id().equals(account.id()))
                .toList();
        current.stream().filter(g -> !wanted.contains(g.role())).forEach(em::remove);
        Set<Role> held = EnumSet.noneOf(Role.class);
        current.forEach(g -> held.add(g.role()));
        wanted.stream().filter(r -> !held.contains(r)).forEach(r -> em.persist(new RoleGrant(user, account, r)));
        em.flush();
        UserView after = viewOf(user);
        audit.record("user.roles", "user", user.email(), before, after);
        return after;
    }

    public UserView get(String email) {
        User user = catalog.user(normalized(email));
        if (!user.email().equals(caller.email()) && !caller.isPublisherAdmin()) {
            boolean managesOne = grantsOf(user).stream()
                    .anyMatch(g ->
                            g.account() != null && caller.rolesFor(g.account()).contains(Role.LICENSE_MANAGER));
            if (!managesOne) {
                // whether the address has an account here is not for this caller to learn
                throw Catalog.userNotFound(user.email());
            }
        }
        return viewOf(user);
    }

    private Account accountFor(Role role, String accountName) {
        if (!role.isAccountRole()) {
            if (accountName != null && !accountName.isBlank()) {
                throw new LicensingException(
                        ErrorCode.INVALID_INPUT,
                        "publisher-admin is not granted for an account",
                        Map.of("account", "must be empty for publisher-admin"));
            }
            return null;
        }
        if (accountName == null || accountName.isBlank()) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    "Role " + role.id() + " is granted for an account: name it",
                    Map.of("account", "required for " + role.id()));
        }
        return catalog.account(accountName);
    }

    private void authorize(Role role, Account account, String what) {
        if (account == null) {
            caller.requirePublisherAdmin(what + " as publisher-admin");
        } else {
            caller.requireVisible(
                    account,
                    () -> Catalog.accountNotFound(account.name()),
                    what + " to " + account.name(),
                    Role.LICENSE_MANAGER);
        }
    }

    private List<RoleGrant> grantsOf(User user) {
        return em.createQuery("select g from RoleGrant g where g.user = :user", RoleGrant.class)
                .setParameter("user", user)
                .getResultList();
    }

    private UserView viewOf(User user) {
        List<UserView.Grant> grants = grantsOf(user).stream()
                .map(g -> new UserView.Grant(
                        g.account() == null ? null : g.account().name(),
                        g.role().id()))
                .sorted(Comparator.comparing((UserView.Grant g) -> String.valueOf(g.account()))
                        .thenComparing(UserView.Grant::role))
                .toList();
        return new UserView(user.email(), grants);
    }

    private static String normalized(String email) {
        return email == null ? "" : email.strip().toLowerCase();
    }
}
