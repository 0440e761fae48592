package org.licentia.hardwarekey.boundary;

import java.time.Instant;
import java.util.List;
import org.licentia.hardwarekey.control.NodeKeys;

/**
 * The USB key status as the License interface shows it: the status across the nodes, each node's
 * keys and own status, the key whose license is installed, and the buffer license.
 *
 * @param usable whether the installed key's licenses give new seats, hosts and activations now
 * @param bufferEndsAt set while the keys are not as they should be: when the buffer license ends
 */
public record KeyStatusView(
        String status,
        String node,
        List<Node> nodes,
        String installedKey,
        Long installedSerial,
        boolean installedKeyPresent,
        int bufferDays,
        Instant degradedSince,
        Instant bufferEndsAt,
        boolean usable) {

    public record Node(String node, Instant reportedAt, boolean live, String status, List<Key> keys) {}

    /** A key in a node; {@code problem} says why a key that is not genuine counts for nothing. */
    public record Key(
            String keyId,
            String model,
            String fingerprint,
            boolean genuine,
            String problem,
            Long serial,
            Instant issuedAt,
            List<String> licenses) {}

    static KeyStatusView of(NodeKeys.Evaluation e, String thisNode) {
        return new KeyStatusView(
                e.status().name(),
                thisNode,
                e.nodes().stream()
                        .map(n -> new Node(
                                n.node(),
                                n.reportedAt(),
                                n.live(),
                                n.status().name(),
                                n.keys().stream()
                                        .map(k -> new Key(
                                                k.keyId(),
                                                k.model(),
                                                k.fingerprint(),
                                                k.genuine(),
                                                k.problem(),
                                                k.serial(),
                                                k.issuedAt(),
                                                k.licenses()))
                                        .toList()))
                        .toList(),
                e.installedKey(),
                e.installedSerial(),
                e.installedKeyPresent(),
                e.bufferDays(),
                e.degradedSince(),
                e.bufferEndsAt(),
                e.usable());
    }
}
