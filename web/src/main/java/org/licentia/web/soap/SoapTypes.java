package org.licentia.web.soap;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.licentia.catalog.boundary.AccountView;
import org.licentia.catalog.boundary.LicenseView;
import org.licentia.catalog.boundary.UserView;
import org.licentia.ws.licensing.v1.Account;
import org.licentia.ws.licensing.v1.License;
import org.licentia.ws.licensing.v1.LicenseState;
import org.licentia.ws.licensing.v1.QuotaMetric;
import org.licentia.ws.licensing.v1.Role;
import org.licentia.ws.licensing.v1.RoleGrant;
import org.licentia.ws.licensing.v1.User;

/** Converts between the contract's generated types and the boundaries' views; no rules. */
final class SoapTypes {

    private static final DatatypeFactory XML_DATES;

    static {
        try {
            XML_DATES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SoapTypes() {}

    static String date(XMLGregorianCalendar xml) {
        if (xml == null) {
            return null;
        }
        return LocalDate.of(xml.getYear(), xml.getMonth(), xml.getDay()).toString();
    }

    static XMLGregorianCalendar xmlDate(LocalDate date) {
        return date == null
                ? null
                : XML_DATES.newXMLGregorianCalendarDate(
                        date.getYear(), date.getMonthValue(), date.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }

    /** A point in time; one without a time zone could be any of 26 hours, so it is refused. */
    static java.time.Instant instant(XMLGregorianCalendar xml) {
        if (xml.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            throw new org.licentia.errors.LicensingException(
                    org.licentia.errors.ErrorCode.INVALID_INPUT,
                    "Invalid input: a time needs its time zone, e.g. 2026-11-29T00:00:00Z",
                    java.util.Map.of("time", "an xs:dateTime with a time zone"));
        }
        return xml.toGregorianCalendar().toInstant();
    }

    static XMLGregorianCalendar xmlTime(java.time.Instant instant) {
        return instant == null ? null : XML_DATES.newXMLGregorianCalendar(instant.toString());
    }

    static String metric(QuotaMetric metric) {
        return metric == null ? null : metric.value();
    }

    static License license(LicenseView v) {
        License l = new License();
        l.setNumber(v.number());
        l.setAccount(v.account());
        l.setProduct(v.product());
        l.setProductName(v.productName());
        l.setEdition(v.edition());
        l.getFeature().addAll(v.features());
        l.setSeats(v.seats());
        l.setQuotaMetric(QuotaMetric.fromValue(v.quotaMetric()));
        l.setQuota(v.quota());
        l.setStarts(xmlDate(v.starts()));
        l.setExpires(xmlDate(v.expires()));
        l.setSupportExpires(xmlDate(v.supportExpires()));
        l.setState(LicenseState.fromValue(v.state()));
        l.setActivationKey(v.activationKey());
        l.setMaxActivations(v.maxActivations());
        l.setRegisteredInstance(v.registeredInstance());
        l.setVersion(v.version());
        return l;
    }

    static Account account(AccountView v) {
        Account a = new Account();
        a.setId(v.id());
        a.setName(v.name());
        a.setCreatedAt(XML_DATES.newXMLGregorianCalendar(
                GregorianCalendar.from(v.createdAt().atZone(ZoneOffset.UTC))));
        return a;
    }

    static User user(UserView v) {
        User u = new User();
        u.setEmail(v.email());
        v.grants().forEach(g -> {
            RoleGrant grant = new RoleGrant();
            grant.setAccount(g.account());
            grant.setRole(Role.fromValue(g.role()));
            u.getGrant().add(grant);
        });
        return u;
    }
}
