package com.bossreview.boss;

import com.bossreview.manager.PersonalData;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Who asked for the weekly digest. A boss turns it on or off (command, App Home, the digest's own
 * button); forget and uninstall delete the opt-in with everything else, even for a boss who is not
 * a manager themselves.
 */
public final class BossDigests implements PersonalData {
    private final Jdbi jdbi;
    private final Clock clock;

    public BossDigests(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Turns the digest on for {@code boss}, read on Monday mornings in {@code zone}. */
    public void on(String team, String boss, ZoneId zone) {
        jdbi.useExtension(
                DigestDao.class,
                dao ->
                        dao.optIn(
                                team,
                                boss,
                                zone.getId(),
                                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * @return whether it was on
     */
    public boolean off(String team, String boss) {
        return jdbi.withExtension(DigestDao.class, dao -> dao.optOut(team, boss)) > 0;
    }

    public Optional<DigestDao.OptIn> find(String team, String boss) {
        return jdbi.withExtension(DigestDao.class, dao -> dao.find(team, boss));
    }

    @Override
    public boolean holds(String team, String user) {
        return find(team, user).isPresent();
    }

    @Override
    public void forgetManager(String team, String user) {
        off(team, user);
    }

    @Override
    public void forgetWorkspaces(List<String> teams) {
        jdbi.useExtension(DigestDao.class, dao -> dao.deleteAllOf(teams));
    }
}
