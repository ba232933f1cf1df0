package com.bossreview.forecast;

import com.bossreview.manager.Manager;
import com.bossreview.time.FiscalQuarter;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Forecasts per fiscal quarter; a lower figure than the last one in the same quarter is a downgrade. */
public final class ForecastService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ForecastService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public FiscalQuarter currentQuarter(Manager m) {
        return FiscalQuarter.containing(m.today(clock.instant()), m.fiscalStartMonth());
    }

    /** The latest figure of the current fiscal quarter. */
    public Optional<Forecast> latest(Manager m) {
        FiscalQuarter q = currentQuarter(m);
        return jdbi.withExtension(ForecastDao.class,
                dao -> dao.inQuarter(m.teamId(), m.userId(), q.fiscalYear(), q.quarter()).stream().findFirst());
    }

    public List<Forecast> recordedSince(String team, String user, Instant since) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.recordedSince(team, user, since));
    }

    public List<Forecast> all(String team, String user) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.all(team, user));
    }
}
