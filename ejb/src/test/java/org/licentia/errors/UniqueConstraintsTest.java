package org.licentia.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueConstraintsTest {

    @Test
    void findsAUniqueViolationAnywhereInTheCauseChain() {
        Exception wrapped =
                new RuntimeException("persist", new IllegalStateException(new SQLException("dup", "23505")));
        assertTrue(UniqueConstraints.isViolation(wrapped));
        assertFalse(UniqueConstraints.isViolation(new RuntimeException(new SQLException("fk", "23503"))));
        assertFalse(UniqueConstraints.isViolation(new RuntimeException("no sql")));
    }
}
