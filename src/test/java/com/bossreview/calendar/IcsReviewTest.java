package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.manager.ReviewSlot;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The .ics written by hand, read back by ical4j (a full RFC 5545 parser and validator): the file is
 * valid, its VTIMEZONE gives the JDK's offsets, and the event repeats at the slot's wall time.
 */
class IcsReviewTest {
    /** Wednesday 2026-11-25 10:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static final String SEED =
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @BeforeAll
    static void offline() {
        // ical4j would otherwise try to fetch newer zone definitions from tzurl.org.
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    private static String ics(String zone, DayOfWeek day, String time, Instant now) {
        return IcsReview.calendar(
                new IcsReview.Review(
                        SEED,
                        new ReviewSlot(day, LocalTime.parse(time)),
                        ZoneId.of(zone),
                        Optional.of("Dana Boss"),
                        now));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** The content lines, unfolded. */
    private static List<String> lines(String ics) {
        return physicalLines(ics.replace("\r\n ", ""));
    }

    /** The lines as written, each without its CRLF. */
    private static List<String> physicalLines(String ics) {
        assertThat(ics).endsWith("\r\n");
        return List.of(ics.substring(0, ics.length() - 2).split("\r\n", -1));
    }

    /**
     * Valid RFC 5545. ical4j also applies RFC 5546 to a METHOD, and a PUBLISH there wants an
     * ORGANIZER: deliberately none is written (an organizer other than the reader makes calendars
     * show the event as someone else's invitation), so the method is left out of the check.
     */
    private static ValidationResult validate(Calendar calendar) throws Exception {
        Calendar copy = new Calendar(calendar);
        copy.removeAll("METHOD");
        return copy.validate();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "America/New_York",
                "Europe/London",
                "Asia/Kolkata",
                "Australia/Lord_Howe",
                "America/Nuuk",
                "Pacific/Easter",
                "Africa/Casablanca",
                "Europe/Dublin",
                "UTC"
            })
    void the_file_is_valid_icalendar_and_its_time_zone_has_the_jdk_offsets(String zone)
            throws Exception {
        String ics = ics(zone, DayOfWeek.FRIDAY, "17:00", NOW);
        Calendar calendar = parse(ics);
        ValidationResult result = validate(calendar);
        assertThat(result.hasErrors()).as(result.toString()).isFalse();

        VTimeZone vtz = calendar.<VTimeZone>getComponent("VTIMEZONE").orElseThrow();
        assertSameOffsets(zone, vtz, Duration.ofHours(6), 5);
    }

    /**
     * The VTIMEZONE's offsets against the JDK's, every {@code step} for {@code years} and on both
     * sides of each change. ical4j parses the observances and expands their RRULEs; each onset is
     * then read as RFC 5545 §3.6.5 says, a local time in the offset before it (TZOFFSETFROM).
     * (ical4j's own TimeZone is not asked: it is off by up to a day around changes.)
     */
    private static void assertSameOffsets(String zone, VTimeZone vtz, Duration step, int years) {
        TreeMap<Instant, ZoneOffset> onsets = onsets(vtz, 2 + years);
        ZoneRules jdk = ZoneId.of(zone).getRules();
        Instant end = NOW.plus(Duration.ofDays(366L * years));
        List<Instant> times = new ArrayList<>();
        for (Instant t = NOW; t.isBefore(end); t = t.plus(step)) {
            times.add(t);
        }
        for (var change = jdk.nextTransition(NOW);
                change != null && change.getInstant().isBefore(end);
                change = jdk.nextTransition(change.getInstant())) {
            times.add(change.getInstant().minusSeconds(1));
            times.add(change.getInstant());
        }
        for (Instant t : times) {
            var onset = onsets.floorEntry(t);
            assertThat(onset).as("%s has no observance at %s", zone, t).isNotNull();
            assertThat(onset.getValue()).as("%s at %s", zone, t).isEqualTo(jdk.getOffset(t));
        }
    }

    /** Each onset of each observance up to {@code years} from now, and the offset it brings. */
    private static TreeMap<Instant, ZoneOffset> onsets(VTimeZone vtz, int years) {
        TreeMap<Instant, ZoneOffset> onsets = new TreeMap<>();
        LocalDateTime until = LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).plusYears(years);
        for (Observance o : vtz.getObservances()) {
            ZoneOffset from = ZoneOffset.of(o.getProperty("TZOFFSETFROM").orElseThrow().getValue());
            ZoneOffset to = ZoneOffset.of(o.getProperty("TZOFFSETTO").orElseThrow().getValue());
            LocalDateTime start =
                    LocalDateTime.parse(
                            o.getProperty("DTSTART").orElseThrow().getValue(), IcsTimeZone.LOCAL);
            List<LocalDateTime> locals = new ArrayList<>(List.of(start));
            o.getProperty("RRULE")
                    .ifPresent(
                            r ->
                                    locals.addAll(
                                            new Recur<LocalDateTime>(r.getValue())
                                                    .getDates(start, start, until)));
            o.getProperties("RDATE")
                    .forEach(
                            r ->
                                    Arrays.stream(r.getValue().split(","))
                                            .map(v -> LocalDateTime.parse(v, IcsTimeZone.LOCAL))
                                            .forEach(locals::add));
            locals.forEach(l -> onsets.put(l.toInstant(from), to));
        }
        return onsets;
    }

    @Test
    void new_york_is_written_as_rfc_5545_writes_it_in_its_own_example() {
        // RFC 5545 §3.6.5, "America/New_York" since 2007: onsets at 02:00 in the offset before.
        String ics = ics("America/New_York", DayOfWeek.FRIDAY, "17:00", NOW);
        String vtimezone =
                ics.substring(ics.indexOf("BEGIN:VTIMEZONE"), ics.indexOf("END:VTIMEZONE"));
        assertThat(vtimezone)
                .containsPattern(
                        "BEGIN:DAYLIGHT\r\nDTSTART:20\\d\\d03\\d\\dT020000\r\n"
                                + "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"
                                + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT")
                .containsPattern(
                        "BEGIN:STANDARD\r\nDTSTART:20\\d\\d11\\d\\dT020000\r\n"
                                + "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n"
                                + "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD");
    }

    @Test
    void a_zone_without_daylight_saving_is_one_standard_component() {
        String ics = ics("Asia/Kolkata", DayOfWeek.THURSDAY, "18:30", NOW);
        assertThat(lines(ics).stream().filter(l -> l.startsWith("BEGIN:STANDARD")).count()).isOne();
        assertThat(ics).doesNotContain("DAYLIGHT").contains("TZOFFSETTO:+0530\r\n");
    }

    @Test
    void new_york_changes_twice_a_year_by_rule() {
        String ics = ics("America/New_York", DayOfWeek.FRIDAY, "17:00", NOW);
        assertThat(lines(ics))
                .contains(
                        "BEGIN:DAYLIGHT",
                        "TZOFFSETFROM:-0500",
                        "TZOFFSETTO:-0400",
                        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
    }

    @Test
    void lord_howe_moves_by_half_an_hour() {
        String ics = ics("Australia/Lord_Howe", DayOfWeek.MONDAY, "16:00", NOW);
        assertThat(lines(ics))
                .contains(
                        "TZOFFSETFROM:+1030",
                        "TZOFFSETTO:+1100",
                        "TZOFFSETFROM:+1100",
                        "TZOFFSETTO:+1030");
    }

    @Test
    void the_event_is_the_weekly_slot_from_its_next_occurrence() throws Exception {
        String ics = ics("America/New_York", DayOfWeek.FRIDAY, "17:00", NOW);
        assertThat(lines(ics))
                .containsSubsequence(
                        "BEGIN:VCALENDAR",
                        "PRODID:-//bossreview//Weekly review//EN",
                        "VERSION:2.0",
                        "CALSCALE:GREGORIAN",
                        "METHOD:PUBLISH",
                        "BEGIN:VTIMEZONE",
                        "TZID:America/New_York",
                        "END:VTIMEZONE",
                        "BEGIN:VEVENT",
                        "UID:" + SEED + "@bossreview",
                        "DTSTAMP:20261125T100000Z",
                        "DTSTART;TZID=America/New_York:20261127T170000",
                        "DURATION:PT30M",
                        "RRULE:FREQ=WEEKLY;BYDAY=FR",
                        "SUMMARY:Weekly review with Dana Boss",
                        "END:VEVENT",
                        "END:VCALENDAR");
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        VEvent event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue())
                .isEqualTo(IcsReview.HABITS);
    }

    @Test
    void the_repeats_stay_at_the_wall_time_across_the_spring_change() throws Exception {
        // Europe/London moves to summer time on Sunday 2027-03-28.
        Instant march = Instant.parse("2027-03-10T12:00:00Z");
        String ics = ics("Europe/London", DayOfWeek.MONDAY, "08:00", march);
        VEvent event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        ZonedDateTime from = march.atZone(ZoneId.of("UTC"));
        Set<Period<ZonedDateTime>> set =
                event.calculateRecurrenceSet(new Period<>(from, from.plusWeeks(6)));
        List<Instant> starts = set.stream().map(p -> p.getStart().toInstant()).sorted().toList();
        assertThat(starts)
                .containsExactly(
                        Instant.parse("2027-03-15T08:00:00Z"),
                        Instant.parse("2027-03-22T08:00:00Z"),
                        Instant.parse("2027-03-29T07:00:00Z"), // 08:00 BST
                        Instant.parse("2027-04-05T07:00:00Z"),
                        Instant.parse("2027-04-12T07:00:00Z"),
                        Instant.parse("2027-04-19T07:00:00Z"));
    }

    @Test
    void the_next_occurrence_is_today_until_the_slot_has_begun() {
        ZoneId ny = ZoneId.of("America/New_York");
        ReviewSlot wed0600 = new ReviewSlot(DayOfWeek.WEDNESDAY, LocalTime.of(6, 0));
        // NOW is 05:00 in New York.
        assertThat(IcsReview.nextDate(wed0600, ny, NOW)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(IcsReview.nextDate(wed0600, ny, NOW.plus(Duration.ofHours(1))))
                .isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(IcsReview.nextDate(wed0600, ny, NOW.plus(Duration.ofHours(1)).plusSeconds(1)))
                .isEqualTo(LocalDate.of(2026, 12, 2));
        // Wednesday in Kolkata already (15:30): a Wednesday 09:00 slot is next week's.
        assertThat(
                        IcsReview.nextDate(
                                new ReviewSlot(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0)),
                                ZoneId.of("Asia/Kolkata"),
                                NOW))
                .isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void a_slot_in_the_spring_gap_keeps_its_wall_time_and_means_what_local_times_means()
            throws Exception {
        // Sunday 2027-03-14 02:30 does not exist in New York; at 01:00 EST it is still ahead
        // (LocalTimes: 03:30 EDT).
        Instant before = Instant.parse("2027-03-14T06:00:00Z");
        String ics = ics("America/New_York", DayOfWeek.SUNDAY, "02:30", before);
        assertThat(lines(ics)).contains("DTSTART;TZID=America/New_York:20270314T023000");
        // RFC 5545 §3.3.5 reads it with the offset before the gap: 02:30 EST, 07:30Z, as
        // LocalTimes does (ical4j reads it otherwise, so it is not asked).
        assertThat(
                        com.bossreview.nudge.LocalTimes.at(
                                LocalDate.of(2027, 3, 14),
                                LocalTime.of(2, 30),
                                ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
    }

    @Test
    void names_are_escaped_and_read_back_as_they_were() throws Exception {
        String name = "O'Brien, Jr; \"Ace\" \\ the boss";
        String ics =
                IcsReview.calendar(
                        new IcsReview.Review(
                                SEED,
                                new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(17, 0)),
                                ZoneId.of("Europe/London"),
                                Optional.of(name),
                                NOW));
        assertThat(ics)
                .contains("SUMMARY:Weekly review with O'Brien\\, Jr\\; \"Ace\" \\\\ the boss\r\n");
        VEvent event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Weekly review with " + name);
    }

    @Test
    void without_a_boss_it_is_a_review_with_my_boss() {
        String ics =
                IcsReview.calendar(
                        new IcsReview.Review(
                                SEED,
                                new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(17, 0)),
                                ZoneId.of("Europe/London"),
                                Optional.empty(),
                                NOW));
        assertThat(ics).contains("\r\nSUMMARY:Weekly review with my boss\r\n");
    }

    @Test
    void text_escaping_follows_rfc_5545() {
        assertThat(IcsLines.escape("a\\b;c,d\ne\r\nf\rg\u0007h\ti"))
                .isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti");
    }

    @Test
    void long_lines_fold_at_75_octets_without_splitting_a_character() throws Exception {
        String name = "Zoë Ångström-Łukasiewicz 日本語の名前 🙂".repeat(4);
        String ics =
                IcsReview.calendar(
                        new IcsReview.Review(
                                SEED,
                                new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(17, 0)),
                                ZoneId.of("Asia/Tokyo"),
                                Optional.of(name),
                                NOW));
        var strict =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (String line : physicalLines(ics)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).as(line).isLessThanOrEqualTo(75);
            try {
                strict.decode(java.nio.ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new AssertionError("a character was split: " + line, e);
            }
        }
        assertThat(physicalLines(ics).stream().filter(l -> l.startsWith(" ")).count())
                .isGreaterThan(3);
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Weekly review with " + name + "\r\n");
        VEvent event = parse(ics).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Weekly review with " + name);
    }

    @Test
    void a_line_of_exactly_75_octets_is_not_folded_and_76_is() {
        assertThat(IcsLines.fold("X".repeat(75))).doesNotContain("\r\n");
        assertThat(IcsLines.fold("X".repeat(76))).isEqualTo("X".repeat(75) + "\r\n X");
        assertThat(IcsLines.fold("X".repeat(74) + "é"))
                .as("é is two octets: it goes to the next line whole")
                .isEqualTo("X".repeat(74) + "\r\n é");
    }

    @Test
    void the_uid_depends_on_the_feed_only() {
        String a = ics("Europe/London", DayOfWeek.FRIDAY, "17:00", NOW);
        String b =
                ics("America/New_York", DayOfWeek.MONDAY, "07:30", NOW.plus(Duration.ofDays(40)));
        assertThat(uid(a)).isEqualTo(uid(b)).isEqualTo(SEED + "@bossreview");
    }

    private static String uid(String ics) {
        return lines(ics).stream()
                .filter(l -> l.startsWith("UID:"))
                .map(l -> l.substring(4))
                .collect(Collectors.joining());
    }

    @Test
    void every_zone_of_the_jdk_gets_a_time_zone_ical4j_reads_with_the_same_offsets()
            throws Exception {
        // Not the zones ical4j registers for the files it has read.
        List<String> zones =
                ZoneId.getAvailableZoneIds().stream()
                        .filter(z -> !z.startsWith("ical4j"))
                        .sorted()
                        .toList();
        assertThat(zones).hasSizeGreaterThan(400);
        for (String zone : zones) {
            VTimeZone vtz =
                    parse(ics(zone, DayOfWeek.FRIDAY, "17:00", NOW))
                            .<VTimeZone>getComponent("VTIMEZONE")
                            .orElseThrow();
            assertSameOffsets(zone, vtz, Duration.ofDays(3), 3);
        }
    }
}
