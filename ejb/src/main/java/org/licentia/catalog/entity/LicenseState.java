package org.licentia.catalog.entity;

import java.util.Arrays;
import java.util.Optional;

public enum LicenseState {
    ACTIVE("active"),
    REVOKED("revoked");

    private final String id;

    LicenseState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<LicenseState> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
