package com.bossreview.nudge;

import com.bossreview.time.IsoWeek;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading back the period keys the planner writes. */
final class NudgePeriods {
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private NudgePeriods() {
    }

    static IsoWeek week(String period) {
        Matcher m = WEEK.matcher(period);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a week period: " + period);
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
