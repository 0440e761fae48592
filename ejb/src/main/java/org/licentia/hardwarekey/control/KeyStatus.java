package org.licentia.hardwarekey.control;

import java.util.List;

/**
 * The seed's USB key status table, for one node and for the instance across its live nodes. Only
 * genuine keys count: a key that proved it holds the private key its license is bound to.
 */
public enum KeyStatus {
    /** One key, in one management node, working. */
    NORMAL,
    /** No key: it was taken out (the buffer license runs). */
    REMOVED,
    /** Dual nodes: one node has one key and the other one or more. Authorized use is not affected. */
    ABNORMAL,
    /** Several keys in one node while the other has none or several; or several on a single node. */
    FAULT;

    /** What one node alone shows. */
    public static KeyStatus ofNode(int keys) {
        return keys == 0 ? REMOVED : keys == 1 ? NORMAL : FAULT;
    }

    /**
     * The instance's status from the keys each live node holds: one node is a single-node
     * environment, two a dual-node pair. (A third node is not in the seed; each extra node is read
     * as the pair's rule applied to the two that hold the most keys.)
     */
    public static KeyStatus ofInstance(List<Integer> keysPerNode) {
        List<Integer> counts =
                keysPerNode.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        if (counts.isEmpty()) {
            return REMOVED;
        }
        if (counts.size() == 1) {
            return ofNode(counts.get(0));
        }
        int most = counts.get(0);
        int other = counts.get(1);
        if (most == 0) {
            return REMOVED;
        }
        if (most == 1 && other == 0) {
            return NORMAL;
        }
        if (most == 1 || other == 1) {
            return ABNORMAL;
        }
        return FAULT;
    }

    /** A status under which the installed key's license is used without drawing on the buffer. */
    public boolean isSound() {
        return this == NORMAL || this == ABNORMAL;
    }
}
