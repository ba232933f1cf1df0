package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.forecast.ForecastNudges;
import com.bossreview.time.FiscalQuarter;
import java.time.Month;
import org.junit.jupiter.api.Test;

class ForecastNudgeViewsTest {
    private static final FiscalQuarter Q4 = new FiscalQuarter(2026, 4, Month.JANUARY);

    @Test
    void the_quarter_end_reads_naturally_with_its_date() {
        assertThat(ForecastNudges.endsIn(33, Q4)).isEqualTo("ends in 33 days (Thu 31 Dec)");
        assertThat(ForecastNudges.endsIn(1, Q4)).isEqualTo("ends tomorrow (Thu 31 Dec)");
        assertThat(ForecastNudges.endsIn(0, Q4)).isEqualTo("ends today (Thu 31 Dec)");
        assertThat(ForecastNudges.endsIn(21, new FiscalQuarter(2027, 1, Month.APRIL)))
                .isEqualTo("ends in 21 days (Tue 30 Jun)");
    }
}
