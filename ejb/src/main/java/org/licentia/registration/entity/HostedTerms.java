package org.licentia.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** The terms of a hosted license, read from the publisher's signed registration document. */
@Embeddable
public record HostedTerms(
        @Column(name = "owner_account", nullable = false, length = 200)
        String account,

        @Column(nullable = false, length = 64) String product,
        @Column(nullable = false, length = 64) String edition,
        @Column(length = 2000) String features,
        @Column(nullable = false) int seats,

        @Column(name = "quota_metric", nullable = false, length = 16)
        String quotaMetric,

        @Column(nullable = false) int quota,
        @Column(nullable = false) LocalDate starts,
        LocalDate expires,
        @Column(name = "support_expires") LocalDate supportExpires) {}
