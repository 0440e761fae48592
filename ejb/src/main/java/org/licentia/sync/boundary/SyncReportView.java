package org.licentia.sync.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One sync's report. Outcome COMPLETED (the publisher answered) or PUBLISHER_UNAVAILABLE (every
 * license kept, marked uncertain); per license: UNCHANGED, UPDATED, REMOVED or UNCERTAIN, and why.
 */
public record SyncReportView(Instant startedAt, long durationMs, String outcome, String trigger, List<Entry> licenses) {

    public record Entry(String number, String result, String reason) {}
}
