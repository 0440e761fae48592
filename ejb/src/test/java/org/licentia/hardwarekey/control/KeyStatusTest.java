package org.licentia.hardwarekey.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's USB key status table, row by row, on a single node and on a dual-node pair. */
class KeyStatusTest {

    @Test
    void singleNode() {
        assertEquals(KeyStatus.REMOVED, KeyStatus.ofInstance(List.of(0)));
        assertEquals(KeyStatus.NORMAL, KeyStatus.ofInstance(List.of(1)));
        assertEquals(KeyStatus.FAULT, KeyStatus.ofInstance(List.of(2)));
        assertEquals(KeyStatus.FAULT, KeyStatus.ofInstance(List.of(5)));
        assertEquals(KeyStatus.REMOVED, KeyStatus.ofInstance(List.of()), "no live node reads any key");
    }

    @Test
    void dualNodes() {
        assertEquals(KeyStatus.REMOVED, KeyStatus.ofInstance(List.of(0, 0)));
        // Normal: one key, inserted in one management node
        assertEquals(KeyStatus.NORMAL, KeyStatus.ofInstance(List.of(1, 0)));
        assertEquals(KeyStatus.NORMAL, KeyStatus.ofInstance(List.of(0, 1)));
        // Abnormal: one node has one key and the other has one or more
        assertEquals(KeyStatus.ABNORMAL, KeyStatus.ofInstance(List.of(1, 1)));
        assertEquals(KeyStatus.ABNORMAL, KeyStatus.ofInstance(List.of(1, 3)));
        assertEquals(KeyStatus.ABNORMAL, KeyStatus.ofInstance(List.of(2, 1)));
        // Fault: one node has several while the other has none or several
        assertEquals(KeyStatus.FAULT, KeyStatus.ofInstance(List.of(2, 0)));
        assertEquals(KeyStatus.FAULT, KeyStatus.ofInstance(List.of(0, 3)));
        assertEquals(KeyStatus.FAULT, KeyStatus.ofInstance(List.of(2, 2)));
    }

    @Test
    void eachNodeAlone() {
        assertEquals(KeyStatus.REMOVED, KeyStatus.ofNode(0));
        assertEquals(KeyStatus.NORMAL, KeyStatus.ofNode(1));
        assertEquals(KeyStatus.FAULT, KeyStatus.ofNode(2));
    }

    @Test
    void onlyNormalAndAbnormalAreSound() {
        assertTrue(KeyStatus.NORMAL.isSound());
        assertTrue(KeyStatus.ABNORMAL.isSound(), "authorized use is not affected");
        assertFalse(KeyStatus.REMOVED.isSound());
        assertFalse(KeyStatus.FAULT.isSound());
    }
}
