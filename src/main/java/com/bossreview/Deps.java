package com.bossreview;

import com.bossreview.boss.BossDms;
import com.bossreview.db.Database;
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

import javax.sql.DataSource;

/** What every feature may use; built once by {@link Main}. */
public record Deps(Jdbi jdbi, DataSource dataSource, Clock clock, SlackApi slack, Messenger messenger, UserDirectory users,
                   AfterAck afterAck, ManagerService managers, ZoneRefresher zones, Materializer plans,
                   NudgeMetrics nudgeMetrics, BossDms bossDms) {

    /** {@code db}'s Jdbi for the features; its pool as a plain {@link DataSource} for the few hot reads that skip Jdbi. */
    public static Deps create(Database db, Clock clock, SlackApi slack, AfterAck afterAck, MeterRegistry registry) {
        Jdbi jdbi = db.jdbi();
        NudgeMetrics nudgeMetrics = new NudgeMetrics(registry);
        Materializer plans = new Materializer(jdbi, clock, nudgeMetrics);
        ManagerService managers = new ManagerService(jdbi, clock, plans::replan);
        UserDirectory users = new UserDirectory(slack);
        Messenger messenger = new Messenger(slack);
        return new Deps(jdbi, db.dataSource(), clock, slack, messenger, users, afterAck, managers,
                new ZoneRefresher(managers, users, afterAck), plans, nudgeMetrics, new BossDms(jdbi, clock, messenger));
    }
}
