package com.bossreview.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;
import java.util.Set;

/**
 * The zone names Graph takes in {@code dateTimeTimeZone.timeZone}: Windows names, and only the IANA
 * names listed in resources/datetimetimezone (one per Windows zone; "Europe/Paris" is there,
 * "Europe/Madrid" is not). A manager's zone outside that list is sent as a listed zone that keeps
 * the same offsets and transitions for the coming years, so the weekly review stays at the same
 * local time across DST changes.
 */
public final class GraphZones {
    /** As listed by the reference (the parenthesised old spellings kept as Java knows them). */
    public static final Set<String> DOCUMENTED =
            Set.of(
                    "Etc/GMT+12",
                    "Etc/GMT+11",
                    "Pacific/Honolulu",
                    "America/Anchorage",
                    "America/Santa_Isabel",
                    "America/Los_Angeles",
                    "America/Phoenix",
                    "America/Chihuahua",
                    "America/Denver",
                    "America/Guatemala",
                    "America/Chicago",
                    "America/Mexico_City",
                    "America/Regina",
                    "America/Bogota",
                    "America/New_York",
                    "America/Indiana/Indianapolis",
                    "America/Caracas",
                    "America/Asuncion",
                    "America/Halifax",
                    "America/Cuiaba",
                    "America/La_Paz",
                    "America/Santiago",
                    "America/St_Johns",
                    "America/Sao_Paulo",
                    "America/Argentina/Buenos_Aires",
                    "America/Cayenne",
                    "America/Godthab",
                    "America/Montevideo",
                    "America/Bahia",
                    "Etc/GMT+2",
                    "Atlantic/Azores",
                    "Atlantic/Cape_Verde",
                    "Africa/Casablanca",
                    "Etc/GMT",
                    "Europe/London",
                    "Atlantic/Reykjavik",
                    "Europe/Berlin",
                    "Europe/Budapest",
                    "Europe/Paris",
                    "Europe/Warsaw",
                    "Africa/Lagos",
                    "Africa/Windhoek",
                    "Europe/Bucharest",
                    "Asia/Beirut",
                    "Africa/Cairo",
                    "Asia/Damascus",
                    "Africa/Johannesburg",
                    "Europe/Kiev",
                    "Europe/Istanbul",
                    "Asia/Jerusalem",
                    "Asia/Amman",
                    "Asia/Baghdad",
                    "Europe/Kaliningrad",
                    "Asia/Riyadh",
                    "Africa/Nairobi",
                    "Asia/Tehran",
                    "Asia/Dubai",
                    "Asia/Baku",
                    "Europe/Moscow",
                    "Indian/Mauritius",
                    "Asia/Tbilisi",
                    "Asia/Yerevan",
                    "Asia/Kabul",
                    "Asia/Karachi",
                    "Asia/Tashkent",
                    "Asia/Kolkata",
                    "Asia/Colombo",
                    "Asia/Kathmandu",
                    "Asia/Almaty",
                    "Asia/Dhaka",
                    "Asia/Yekaterinburg",
                    "Asia/Rangoon",
                    "Asia/Bangkok",
                    "Asia/Novosibirsk",
                    "Asia/Shanghai",
                    "Asia/Krasnoyarsk",
                    "Asia/Singapore",
                    "Australia/Perth",
                    "Asia/Taipei",
                    "Asia/Ulaanbaatar",
                    "Asia/Irkutsk",
                    "Asia/Tokyo",
                    "Asia/Seoul",
                    "Australia/Adelaide",
                    "Australia/Darwin",
                    "Australia/Brisbane",
                    "Australia/Sydney",
                    "Pacific/Port_Moresby",
                    "Australia/Hobart",
                    "Asia/Yakutsk",
                    "Pacific/Guadalcanal",
                    "Asia/Vladivostok",
                    "Pacific/Auckland",
                    "Etc/GMT-12",
                    "Pacific/Fiji",
                    "Asia/Magadan",
                    "Pacific/Tongatapu",
                    "Pacific/Apia",
                    "Pacific/Kiritimati");

    /** Transitions compared: about four years of DST changes. */
    private static final int TRANSITIONS = 8;

    private GraphZones() {}

    /** The name to send for {@code zone} as of {@code now}: a listed one when there is one. */
    static String name(ZoneId zone, Instant now) {
        if (zone.getId().equals("UTC") || zone.getId().equals("Z")) {
            return "UTC";
        }
        if (DOCUMENTED.contains(zone.getId())) {
            return zone.getId();
        }
        return DOCUMENTED.stream()
                .sorted()
                .filter(listed -> sameFuture(zone, listed, now))
                .findFirst()
                .orElse(zone.getId());
    }

    private static boolean sameFuture(ZoneId zone, String listed, Instant now) {
        ZoneRules a = zone.getRules();
        ZoneRules b;
        try {
            b = ZoneId.of(listed).getRules();
        } catch (java.time.DateTimeException e) {
            return false;
        }
        if (!a.getOffset(now).equals(b.getOffset(now))) {
            return false;
        }
        Instant at = now;
        for (int i = 0; i < TRANSITIONS; i++) {
            Optional<ZoneOffsetTransition> ta = Optional.ofNullable(a.nextTransition(at));
            Optional<ZoneOffsetTransition> tb = Optional.ofNullable(b.nextTransition(at));
            if (ta.isEmpty() || tb.isEmpty()) {
                return ta.isEmpty() && tb.isEmpty();
            }
            if (!ta.get().getInstant().equals(tb.get().getInstant())
                    || !ta.get().getOffsetAfter().equals(tb.get().getOffsetAfter())) {
                return false;
            }
            at = ta.get().getInstant();
        }
        return true;
    }
}
