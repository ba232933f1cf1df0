package com.bossreview;

import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.UserDirectory;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/** What every feature may use; built once by {@link Main}. */
public record Deps(Jdbi jdbi, Clock clock, SlackApi slack, Messenger messenger, UserDirectory users,
                   AfterAck afterAck, ManagerService managers, ZoneRefresher zones) {

    public static Deps create(Jdbi jdbi, Clock clock, SlackApi slack, AfterAck afterAck) {
        ManagerService managers = new ManagerService(jdbi, clock);
        UserDirectory users = new UserDirectory(slack);
        return new Deps(jdbi, clock, slack, new Messenger(slack), users, afterAck, managers,
                new ZoneRefresher(managers, users, afterAck));
    }
}
