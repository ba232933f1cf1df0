package com.bossreview.manager;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.UserDirectory;
import com.bossreview.time.Times;
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
            afterAck.run("time zone refresh", () -> users.lookup(team, user)
                    .flatMap(UserDirectory.SlackUser::timeZone)
                    .flatMap(Times::parseZone)
                    .ifPresent(zone -> managers.zoneChecked(team, user, zone)),
                    reason -> log.info("Kept the stored time zone of {}/{}: {}", team, user, reason));
        }
        return m;
    }
}
