package org.licentia.catalog.boundary;

import java.util.List;

public record UserView(String email, List<Grant> grants) {

    /** A role on an account; account is null for publisher-admin. */
    public record Grant(String account, String role) {}
}
