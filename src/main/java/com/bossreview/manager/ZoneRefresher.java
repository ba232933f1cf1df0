package com.bossreview.manager;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.SlackCallException;
import com.bossreview.slack.UserDirectory;
import com.bossreview.time.Times;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a manager's time zone in step with their Slack profile: read with {@code users.info} after
 * the ack when never read or older than {@link ManagerService#ZONE_FRESHNESS}.
 */
public final class ZoneRefresher {
    private static final Logger log = LoggerFactory.getLogger(ZoneRefresher.class);

    private final ManagerService managers;
    private final UserDirectory users;
    private final AfterAck afterAck;

    public ZoneRefresher(ManagerService managers, UserDirectory users, AfterAck afterAck) {
        this.managers = managers;
        this.users = users;
        this.afterAck = afterAck;
    }

    /** The manager (created on first use), with a refresh of their zone queued if it is stale. */
    public Manager touch(String team, String user) {
        Manager m = managers.getOrCreate(team, user);
        if (managers.zoneIsStale(m)) {
            afterAck.run(
                    "time zone refresh",
                    () -> refreshNow(team, user),
                    reason ->
                            log.info("Kept the stored time zone of {}/{}: {}", team, user, reason));
        }
        return m;
    }

    /**
     * Reads the zone and locale from the Slack profile now (after the ack only: it calls {@code
     * users.info}) and returns the manager as stored afterwards (never creating one: a manager
     * deleted meanwhile, by forget, stays deleted); a profile without a usable zone keeps the
     * stored one.
     */
    public Optional<Manager> refreshNow(String team, String user) throws SlackCallException {
        users.lookup(team, user)
                .ifPresent(
                        u ->
                                u.timeZone()
                                        .flatMap(Times::parseZone)
                                        .ifPresent(
                                                zone ->
                                                        managers.zoneChecked(
                                                                team, user, zone, u.locale())));
        return managers.find(team, user);
    }
}
