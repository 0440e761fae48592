package org.licentia.records.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.licentia.catalog.control.LicenseNumbers;
import org.licentia.catalog.entity.Account;
import org.licentia.errors.ErrorCode;
import org.licentia.errors.LicensingException;
import org.licentia.records.control.RecordBook;
import org.licentia.records.entity.LicensingRecord;
import org.licentia.registration.control.HostedLicenseAccess;

/**
 * On-prem side: the Licensing Record, newest first, filtered by license, method and time, a page
 * at a time or whole as CSV for auditors. Each user sees the rows of the licenses their accounts
 * own; the instance's admin sees every row.
 */
@Stateless
@RolesAllowed({"publisher-admin", "license-manager", "deputy-license-manager", "viewer"})
public class LicensingRecords {

    public static final int MAX_PAGE_SIZE = 1000;
    /** An export larger than this is refused: narrow it by time. */
    public static final int MAX_EXPORT = 100_000;

    @PersistenceContext(unitName = "licentia")
    EntityManager em;

    @Inject
    HostedLicenseAccess access;

    @Inject
    org.licentia.catalog.control.Caller caller;

    /** The filters as they came in; each is optional, and each is checked exactly. */
    public record Filter(String license, String method, String from, String to) {}

    public record Page(List<LicensingRecordView> records, int page, int size, long total) {}

    public Page page(Filter filter, int page, int size) {
        if (page < 0 || page > 1_000_000) {
            throw invalid("page", "an integer from 0 to 1000000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size", "an integer from 1 to " + MAX_PAGE_SIZE);
        }
        Where where = where(filter);
        long total = where.apply(em.createQuery("select count(r) from LicensingRecord r" + where.jpql, Long.class))
                .getSingleResult();
        List<LicensingRecordView> rows = where.apply(em.createQuery(
                        "select r from LicensingRecord r" + where.jpql + " order by r.recordedAt desc, r.id desc",
                        LicensingRecord.class))
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(LicensingRecordView::of)
                .toList();
        return new Page(rows, page, size, total);
    }

    /** Every matching row as CSV (RFC 4180), with the seed's columns first. */
    public String csv(Filter filter) {
        Where where = where(filter);
        long total = where.apply(em.createQuery("select count(r) from LicensingRecord r" + where.jpql, Long.class))
                .getSingleResult();
        if (total > MAX_EXPORT) {
            throw new LicensingException(
                    ErrorCode.INVALID_INPUT,
                    total + " records match, more than the " + MAX_EXPORT + " one export holds: narrow it with from"
                            + " and to",
                    Map.of("from", "a narrower time range", "to", "a narrower time range"));
        }
        StringBuilder csv = new StringBuilder(
                "Upload time,Management type,Authorization method,Authorized item,Authorized quota,Status,"
                        + "License issuance time,Expiration time,License,Account,Actor\r\n");
        where.apply(em.createQuery(
                        "select r from LicensingRecord r" + where.jpql + " order by r.recordedAt desc, r.id desc",
                        LicensingRecord.class))
                .getResultStream()
                .map(LicensingRecordView::of)
                .forEach(r -> csv.append(Arrays.asList(
                                        r.uploadedAt(),
                                        r.managementType(),
                                        r.method(),
                                        r.item(),
                                        r.quota(),
                                        r.status(),
                                        r.issuedAt(),
                                        r.expires(),
                                        r.license(),
                                        r.account(),
                                        r.actor())
                                .stream()
                                .map(LicensingRecords::cell)
                                .collect(Collectors.joining(",")))
                        .append("\r\n"));
        return csv.toString();
    }

    /**
     * One CSV cell, quoted. A text that a spreadsheet would run as a formula (it starts with = + -
     * @ or a control character) gets a leading apostrophe: an account or actor name is user input.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private record Where(String jpql, Map<String, Object> parameters) {
        <T> TypedQuery<T> apply(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    private Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.license() != null) {
            parameters.put("license", LicenseNumbers.requireValid(filter.license()));
            conditions.add("r.licenseNumber = :license");
        }
        if (filter.method() != null) {
            String method = filter.method().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            if (Arrays.stream(RecordBook.Method.values())
                    .noneMatch(m -> m.name().equals(method))) {
                throw invalid("method", "online, license-file or hardware-key");
            }
            parameters.put("method", method);
            conditions.add("r.method = :method");
        }
        Instant from = instant("from", filter.from());
        Instant to = instant("to", filter.to());
        if (from != null && to != null && to.isBefore(from)) {
            throw invalid("to", "not before from");
        }
        if (from != null) {
            parameters.put("from", from);
            conditions.add("r.recordedAt >= :from");
        }
        if (to != null) {
            parameters.put("to", to);
            conditions.add("r.recordedAt < :to");
        }
        if (!access.seesAll()) {
            List<String> mine = caller.accounts().stream().map(Account::name).toList();
            if (mine.isEmpty()) {
                conditions.add("1 = 0");
            } else {
                parameters.put("mine", mine);
                conditions.add("r.ownerAccount in :mine");
            }
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }

    private static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, "a time such as 2026-11-29T00:00:00Z");
        }
    }

    private static LicensingException invalid(String field, String allowed) {
        return new LicensingException(
                ErrorCode.INVALID_INPUT, "Invalid input: " + field + " must be " + allowed, Map.of(field, allowed));
    }
}
