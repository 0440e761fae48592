package org.licentia.errors;

import java.sql.SQLException;

/**
 * Recognises a unique-key violation in a persistence failure, so a duplicate is reported from the
 * database's own answer rather than from a racy "does it exist?" check made first.
 */
public final class UniqueConstraints {

    /** SQLSTATE class 23, integrity constraint violation; 23505 is the unique violation in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueConstraints() {}

    public static boolean isViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
