package org.licentia.registration.boundary;

import java.util.List;
import java.util.TreeSet;

/**
 * What an explicit registration would change, shown before it is confirmed: the current and the
 * requested licenses, what is added and removed. Removing licenses carries the rights warning:
 * the removed ones may belong to an account the user has no rights on, and then cannot be
 * registered back with this user.
 */
public record ChangeSummary(
        List<String> current,
        List<String> requested,
        List<String> toAdd,
        List<String> toRemove,
        boolean rightsWarning) {

    public static ChangeSummary of(List<String> current, List<String> requested) {
        TreeSet<String> now = new TreeSet<>(current);
        TreeSet<String> wanted = new TreeSet<>(requested);
        List<String> add = wanted.stream().filter(n -> !now.contains(n)).toList();
        List<String> remove = now.stream().filter(n -> !wanted.contains(n)).toList();
        return new ChangeSummary(List.copyOf(now), List.copyOf(wanted), add, remove, !remove.isEmpty());
    }

    public boolean changesNothing() {
        return toAdd.isEmpty() && toRemove.isEmpty();
    }
}
