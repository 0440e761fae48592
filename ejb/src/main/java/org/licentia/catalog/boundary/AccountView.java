package org.licentia.catalog.boundary;

import java.time.Instant;
import org.licentia.catalog.entity.Account;

public record AccountView(long id, String name, Instant createdAt) {

    public static AccountView of(Account a) {
        return new AccountView(a.id(), a.name(), a.createdAt());
    }
}
