package com.bossreview.time;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;

/**
 * A fiscal quarter for a fiscal year starting on the first of {@code startMonth}. The fiscal year
 * is named by the calendar year it ends in (FY2027 starting 2026-04-01 ends 2027-03-31); with a
 * January start it is simply the calendar year.
 */
public record FiscalQuarter(int fiscalYear, int quarter, Month startMonth) {

    public static FiscalQuarter containing(LocalDate date, Month startMonth) {
        int monthsIntoYear = Math.floorMod(date.getMonthValue() - startMonth.getValue(), 12);
        LocalDate yearStart = date.withDayOfMonth(1).minusMonths(monthsIntoYear);
        int fiscalYear = yearStart.plusMonths(11).getYear();
        return new FiscalQuarter(fiscalYear, monthsIntoYear / 3 + 1, startMonth);
    }

    public LocalDate firstDay() {
        LocalDate yearStart = LocalDate.of(fiscalYear, startMonth, 1);
        if (startMonth != Month.JANUARY) {
            yearStart = yearStart.minusYears(1);
        }
        return yearStart.plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, lastDay());
    }

    /** e.g. {@code Q2 FY2027} */
    public String label() {
        return "Q" + quarter + " FY" + fiscalYear;
    }
}
