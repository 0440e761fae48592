package org.licentia.records.boundary;

import java.time.Instant;
import java.time.LocalDate;
import org.licentia.records.entity.LicensingRecord;

/** A row of the Licensing Record tab, with the seed's columns, and the license, its owner and who made the change. */
public record LicensingRecordView(
        long id,
        Instant uploadedAt,
        String managementType,
        String method,
        String license,
        String account,
        String item,
        String quota,
        String status,
        Instant issuedAt,
        LocalDate expires,
        String actor) {

    static LicensingRecordView of(LicensingRecord r) {
        return new LicensingRecordView(
                r.id(),
                r.recordedAt(),
                r.managementType(),
                r.method(),
                r.licenseNumber(),
                r.ownerAccount(),
                r.item(),
                r.quota(),
                r.status(),
                r.issuedAt(),
                r.expires(),
                r.actor());
    }
}
