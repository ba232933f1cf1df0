package com.bossreview;

import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.nudge.Materializer;
import com.bossreview.nudge.NudgeMetrics;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.UserDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/** What every feature may use; built once by {@link Main}. */
public record Deps(Jdbi jdbi, Clock clock, SlackApi slack, Messenger messenger, UserDirectory users,
                   AfterAck afterAck, ManagerService managers, ZoneRefresher zones, Materializer plans,
                   NudgeMetrics nudgeMetrics) {

    public static Deps create(Jdbi jdbi, Clock clock, SlackApi slack, AfterAck afterAck, MeterRegistry registry) {
        NudgeMetrics nudgeMetrics = new NudgeMetrics(registry);
        Materializer plans = new Materializer(jdbi, clock, nudgeMetrics);
        ManagerService managers = new ManagerService(jdbi, clock, plans::replan);
        UserDirectory users = new UserDirectory(slack);
        return new Deps(jdbi, clock, slack, new Messenger(slack), users, afterAck, managers,
                new ZoneRefresher(managers, users, afterAck), plans, nudgeMetrics);
    }
}
