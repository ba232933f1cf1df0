package com.bossreview.workspace;

import com.bossreview.forecast.Currency;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.time.PrimeHours;
import java.time.Clock;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's defaults: read by anyone, changed by a Slack admin (checked by the caller). A
 * change of the prime hours or fiscal-year start re-plans the nudges of every manager who follows
 * it, the way a manager's own settings change does. Empty values go back to bossreview's default.
 */
public final class WorkspaceDefaultsService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final ManagerService managers;

    public WorkspaceDefaultsService(Jdbi jdbi, Clock clock, ManagerService managers) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.managers = managers;
    }

    public WorkspaceDefaults find(String team) {
        return jdbi.withExtension(WorkspaceDefaultsDao.class, dao -> dao.find(team))
                .orElseGet(() -> WorkspaceDefaults.none(team));
    }

    /**
     * What a change of the workspace's prime hours did: how many managers follow it (their nudges
     * re-planned), and those of them whose weekly review slot the change moved inside prime hours
     * (it was outside the hours before), with the clash: nothing moves their slot for them.
     */
    public record PrimeChanged(int following, Map<Manager, PrimeHours.Clash> newlyClashing) {}

    public PrimeChanged setPrimeHours(String team, Optional<PrimeHours> prime, String admin) {
        PrimeHours before = find(team).primeHoursInForce();
        jdbi.useExtension(
                WorkspaceDefaultsDao.class,
                dao ->
                        dao.setPrimeHours(
                                team,
                                prime.map(PrimeHours::toString).orElse(null),
                                admin,
                                clock.instant()));
        List<String> following = managers.workspaceChanged(team, true, false);
        Map<Manager, PrimeHours.Clash> clashing = new LinkedHashMap<>();
        for (String user : following) {
            managers.find(team, user)
                    .ifPresent(
                            m ->
                                    m.reviewSlot()
                                            .filter(
                                                    s ->
                                                            before.reviewClash(s.day(), s.time())
                                                                    .isEmpty())
                                            .flatMap(
                                                    s ->
                                                            m.primeHours()
                                                                    .reviewClash(s.day(), s.time()))
                                            .ifPresent(clash -> clashing.put(m, clash)));
        }
        return new PrimeChanged(following.size(), clashing);
    }

    /**
     * @return how many managers follow the workspace's fiscal-year start (their nudges re-planned)
     */
    public int setFiscalStart(String team, Optional<Month> month, String admin) {
        jdbi.useExtension(
                WorkspaceDefaultsDao.class,
                dao ->
                        dao.setFiscalStart(
                                team,
                                month.map(Month::getValue).orElse(null),
                                admin,
                                clock.instant()));
        return managers.workspaceChanged(team, false, true).size();
    }

    /** Only figures recorded from now on take it: nothing is planned from a currency. */
    public void setCurrency(String team, Optional<Currency> currency, String admin) {
        jdbi.useExtension(
                WorkspaceDefaultsDao.class,
                dao ->
                        dao.setCurrency(
                                team,
                                currency.map(Enum::name).orElse(null),
                                admin,
                                clock.instant()));
    }
}
