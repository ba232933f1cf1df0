package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the materializer plans for one manager: occurrences due after {@code from} and up to {@code
 * to}, from the ISO weeks (one either side, in the manager's zone) and fiscal quarters that span
 * it.
 */
public record PlanWindow(
        Instant from, Instant to, List<IsoWeek> weeks, List<FiscalQuarter> quarters) {
    public PlanWindow {
        weeks = List.copyOf(weeks);
        quarters = List.copyOf(quarters);
    }

    static PlanWindow of(Manager m, Instant from, Instant to) {
        List<IsoWeek> weeks = new ArrayList<>();
        IsoWeek week = IsoWeek.of(from.atZone(m.zone()).toLocalDate()).previous();
        IsoWeek last = IsoWeek.of(to.atZone(m.zone()).toLocalDate()).next();
        for (; week.compareTo(last) <= 0; week = week.next()) {
            weeks.add(week);
        }
        FiscalQuarter q =
                FiscalQuarter.containing(from.atZone(m.zone()).toLocalDate(), m.fiscalStartMonth());
        FiscalQuarter lastQ =
                FiscalQuarter.containing(to.atZone(m.zone()).toLocalDate(), m.fiscalStartMonth());
        return new PlanWindow(from, to, weeks, lastQ.equals(q) ? List.of(q) : List.of(q, lastQ));
    }

    /** Whether {@code o} is due within this window. */
    boolean contains(Occurrence o) {
        return contains(from, to, o);
    }

    /** Whether {@code o} is due after {@code from} and up to {@code to}. */
    static boolean contains(Instant from, Instant to, Occurrence o) {
        return o.dueAt().isAfter(from) && !o.dueAt().isAfter(to);
    }
}
