package org.licentia.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.Config;

/**
 * The day a license's dates are read against, on the publisher and on the instance alike: a
 * license that "expires on" a date is usable through the end of that date in the time zone set
 * by {@code licentia.time-zone} (an IANA zone or an offset; UTC when unset). An instance in Tokyo
 * whose licenses should end at Tokyo's midnight sets Asia/Tokyo. Read on every use, so a change
 * applies without a restart; a bad value is refused loudly rather than silently read as UTC.
 */
@ApplicationScoped
public class LicenseCalendar {

    static final String SETTING = "licentia.time-zone";

    @Inject
    Config config;

    private volatile Parsed last = new Parsed("", ZoneOffset.UTC);

    private record Parsed(String text, ZoneId zone) {}

    public ZoneId zone() {
        String text = config.getOptionalValue(SETTING, String.class)
                .map(String::strip)
                .orElse("");
        Parsed seen = last;
        if (seen.text().equals(text)) {
            return seen.zone();
        }
        ZoneId zone;
        try {
            zone = text.isEmpty() ? ZoneOffset.UTC : ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalStateException(SETTING + " is not a time zone: " + text, e);
        }
        last = new Parsed(text, zone);
        return zone;
    }

    public LocalDate today() {
        return dayOf(Instant.now());
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }
}
