package com.bossreview.boss;

import com.bossreview.manager.Manager;
import com.bossreview.nudge.LocalTimes;
import com.bossreview.nudge.Nudge;
import com.bossreview.nudge.NudgeKind;
import com.bossreview.nudge.NudgeMessage;
import com.bossreview.nudge.NudgePeriod;
import com.bossreview.nudge.NudgeType;
import com.bossreview.nudge.Occurrence;
import com.bossreview.time.IsoWeek;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The boss's weekly digest: on Monday at {@link #AT} in the boss's zone, what their managers sent
 * them the week before, unacknowledged first, with the forecasts rolled up per quarter. A nudge of
 * its own (one row per boss and ISO week, so it goes once whatever restarts or instances), sent to
 * a boss who need not be a manager. A week in which nothing was sent sends nothing: the digest is
 * there to save a busy boss reading, and an empty one would teach them to ignore it.
 */
public final class DigestNudges implements NudgeType {
    public static final NudgeKind BOSS_DIGEST = NudgeKind.of("BOSS_DIGEST");

    static final LocalTime AT = LocalTime.of(8, 0);

    /** A digest more than this late (the app was down all Monday) is skipped: next week's comes. */
    static final Duration STALE = Duration.ofHours(12);

    /** The most items one digest reads; the rest are counted and left to App Home. */
    static final int MOST = 60;

    private static final int PAGE = 500;

    private final Jdbi jdbi;
    private final BossInbox inbox;
    private final QuarterRollups rollups;

    public DigestNudges(Jdbi jdbi, BossInbox inbox, QuarterRollups rollups) {
        this.jdbi = jdbi;
        this.inbox = inbox;
        this.rollups = rollups;
    }

    @Override
    public Set<NudgeKind> kinds() {
        return Set.of(BOSS_DIGEST);
    }

    @Override
    public Set<NudgeKind> withoutManager() {
        return Set.of(BOSS_DIGEST);
    }

    @Override
    public List<Occurrence> planWithoutManager(Instant from, Instant to) {
        List<Occurrence> planned = new ArrayList<>();
        String[] after = {"", ""};
        while (true) {
            List<DigestDao.OptIn> page =
                    jdbi.withExtension(DigestDao.class, d -> d.after(after[0], after[1], PAGE));
            page.forEach(o -> planned.addAll(mondays(o, from, to)));
            if (page.size() < PAGE) {
                return planned;
            }
            after[0] = page.get(page.size() - 1).teamId();
            after[1] = page.get(page.size() - 1).bossUserId();
        }
    }

    /** The Mondays at {@link #AT} in the boss's zone that fall in the window (or near it). */
    static List<Occurrence> mondays(DigestDao.OptIn o, Instant from, Instant to) {
        ZoneId zone = zone(o.timeZone());
        List<Occurrence> out = new ArrayList<>();
        IsoWeek last = IsoWeek.of(to.atZone(zone).toLocalDate()).next();
        for (IsoWeek w = IsoWeek.of(from.atZone(zone).toLocalDate()); w.compareTo(last) <= 0; ) {
            out.add(
                    new Occurrence(
                            o.teamId(),
                            o.bossUserId(),
                            BOSS_DIGEST,
                            new NudgePeriod.Week(w),
                            LocalTimes.at(w.monday(), AT, zone),
                            Optional.empty()));
            w = w.next();
        }
        return out;
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        Map<Long, DigestViews.Week> weeks = new HashMap<>();
        // The claim's opt-ins in one statement: a Monday-morning wave claims many bosses at once.
        Map<String, DigestDao.OptIn> optIns = new HashMap<>();
        jdbi.withExtension(
                        DigestDao.class,
                        d ->
                                d.findAll(
                                        claimed.stream().map(Nudge::teamId).distinct().toList(),
                                        claimed.stream().map(Nudge::userId).distinct().toList()))
                .forEach(o -> optIns.put(o.teamId() + "/" + o.bossUserId(), o));
        return new Batch() {
            @Override
            public Optional<String> skip(Nudge n, Manager m, Instant now) {
                return skip(n, now);
            }

            @Override
            public NudgeMessage render(Nudge n, Manager m, Instant now) {
                return render(n, now);
            }

            @Override
            public Optional<String> skip(Nudge n, Instant now) {
                Optional<DigestDao.OptIn> optIn =
                        jdbi.withExtension(DigestDao.class, d -> d.find(n.teamId(), n.userId()));
                if (optIn.isEmpty()) {
                    return Optional.of("digest off");
                }
                if (now.isAfter(n.dueAt().plus(STALE))) {
                    return Optional.of("late: next week's digest comes");
                }
                DigestViews.Week week = week(n, zone(optIn.get().timeZone()));
                if (week.entries().isEmpty()) {
                    return Optional.of("nothing sent that week");
                }
                weeks.put(n.id(), week);
                return Optional.empty();
            }

            @Override
            public NudgeMessage render(Nudge n, Instant now) {
                return DigestViews.message(weeks.get(n.id()));
            }
        };
    }

    /** The ISO week before the digest's, in the boss's zone: what was sent in it. */
    private DigestViews.Week week(Nudge n, ZoneId zone) {
        IsoWeek before = n.week().previous();
        Instant from = LocalTimes.at(before.monday(), LocalTime.MIDNIGHT, zone);
        Instant until = LocalTimes.at(n.week().monday(), LocalTime.MIDNIGHT, zone);
        List<BossInbox.Entry> entries =
                inbox.between(n.teamId(), n.userId(), from, until, MOST + 1);
        List<Long> forecasts =
                entries.stream()
                        .map(e -> e.item().subject())
                        .filter(s -> s.kind() == Subject.Kind.FORECAST)
                        .map(Subject::id)
                        .toList();
        return new DigestViews.Week(
                before,
                entries.subList(0, Math.min(MOST, entries.size())),
                entries.size() > MOST,
                rollups.of(n.teamId(), n.userId(), forecasts));
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
