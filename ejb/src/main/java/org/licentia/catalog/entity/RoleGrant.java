package org.licentia.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A role a user holds, for one account, or for none when it is {@link Role#PUBLISHER_ADMIN}. */
@Entity
@Table(
        name = "role_grant",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uk_role_grant",
                        columnNames = {"user_id", "account_id", "role"}))
public class RoleGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @ManyToOne
    @JoinColumn(name = "account_id")
    private Account account;

    /** Stored as the role's id ("license-manager"), which the security realm reads as the role name. */
    @Convert(converter = RoleConverter.class)
    @Column(nullable = false, length = 32)
    private Role role;

    protected RoleGrant() {}

    public RoleGrant(User user, Account account, Role role) {
        if (role.isAccountRole() == (account == null)) {
            throw new IllegalArgumentException(
                    role.isAccountRole()
                            ? "Role " + role.id() + " is granted for an account"
                            : "Role " + role.id() + " is not granted for an account");
        }
        this.user = user;
        this.account = account;
        this.role = role;
    }

    public User user() {
        return user;
    }

    public Account account() {
        return account;
    }

    public Role role() {
        return role;
    }
}
