package org.licentia.hardwarekey.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Instance side: what one node read in its slots last, as JSON ({@code NodeKeys} writes and reads
 * it). Its time is the node's heartbeat: a node that stops reporting stops counting.
 */
@Entity
@Table(name = "hardware_key_report")
public class NodeKeyReport {

    @Id
    @Column(name = "node_name", length = 100)
    private String nodeName;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(nullable = false, length = 1_000_000)
    private String readings;

    protected NodeKeyReport() {}

    public NodeKeyReport(String nodeName, Instant reportedAt, String readings) {
        this.nodeName = nodeName;
        this.reportedAt = reportedAt;
        this.readings = readings;
    }

    public void update(Instant at, String newReadings) {
        this.reportedAt = at;
        this.readings = newReadings;
    }

    public String nodeName() {
        return nodeName;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public String readings() {
        return readings;
    }
}
