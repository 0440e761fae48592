package org.licentia.registration.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.licentia.catalog.entity.License;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;

/**
 * Publisher side: locks licenses for a change of where they are hosted, in number order, so two
 * changes touching the same licenses (a registration, a sync, a license file) cannot deadlock.
 */
public final class LicenseLocks {

    private LicenseLocks() {}

    /** The licenses of those numbers that exist, locked; with {@code requireAll}, a missing one fails them all. */
    public static List<License> lockAll(EntityManager em, List<String> numbers, boolean requireAll) {
        List<License> locked = new ArrayList<>(numbers.size());
        List<String> sorted = new ArrayList<>(new TreeSet<>(numbers));
        for (int i = 0; i < sorted.size(); i += 1000) {
            List<String> chunk = sorted.subList(i, Math.min(sorted.size(), i + 1000));
            locked.addAll(em.createQuery(
                            "select l from License l where l.number in :numbers order by l.number", License.class)
                    .setParameter("numbers", chunk)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList());
        }
        if (requireAll && locked.size() != sorted.size()) {
            Set<String> missing = new TreeSet<>(sorted);
            locked.forEach(l -> missing.remove(l.number()));
            throw noSuchLicenses(missing);
        }
        return locked;
    }

    public static LicensingException noSuchLicenses(Set<String> numbers) {
        return new LicensingException(
                ErrorCode.LICENSE_NOT_FOUND,
                "No such license: " + new TreeSet<>(numbers),
                Map.of("numbers", String.join(",", new TreeSet<>(numbers))));
    }
}
