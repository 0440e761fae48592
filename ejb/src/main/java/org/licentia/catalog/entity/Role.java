package org.licentia.catalog.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a user may do. Account roles hold for one account; {@link #PUBLISHER_ADMIN} is the vendor's
 * staff role and holds for every account.
 */
public enum Role {
    LICENSE_MANAGER("license-manager"),
    DEPUTY_LICENSE_MANAGER("deputy-license-manager"),
    VIEWER("viewer"),
    PUBLISHER_ADMIN("publisher-admin");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The name used on the wire, in the database and by the security realm. */
    public String id() {
        return id;
    }

    public boolean isAccountRole() {
        return this != PUBLISHER_ADMIN;
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
