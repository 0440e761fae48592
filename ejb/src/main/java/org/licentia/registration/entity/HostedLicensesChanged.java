package org.licentia.registration.entity;

import java.util.Map;

/**
 * The set or the terms of this instance's hosted licenses changed (a registration, a deregistration
 * or a sync), observed after the change committed. Whoever hands out the hosted licenses' seats
 * must stop serving the removed ones.
 *
 * @param removed the license numbers no longer hosted, each with why (for the clients holding their seats)
 * @param cause how they were removed: {@code deregistered} or {@code removed-by-sync}
 */
public record HostedLicensesChanged(Map<String, String> removed, String cause) {

    public HostedLicensesChanged {
        removed = Map.copyOf(removed);
    }
}
