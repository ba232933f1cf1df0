package com.bossreview;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started bossreview: its HTTP port and what to close, in reverse order of starting. */
public final class RunningApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningApp.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private int port = -1;
    private com.bossreview.nudge.Nudges nudges;
    private com.bossreview.db.Database database;
    private com.bossreview.calendar.CalendarFeature calendar;
    private com.bossreview.crm.CrmConnections crm;
    private com.bossreview.crm.CrmSync crmSync;

    <T extends AutoCloseable> T started(T component) {
        started.push(component);
        return component;
    }

    void listeningOn(int port) {
        this.port = port;
    }

    com.bossreview.nudge.Nudges nudges(com.bossreview.nudge.Nudges nudges) {
        this.nudges = nudges;
        return nudges;
    }

    com.bossreview.db.Database database(com.bossreview.db.Database database) {
        this.database = database;
        return database;
    }

    com.bossreview.calendar.CalendarFeature calendar(
            com.bossreview.calendar.CalendarFeature calendar) {
        this.calendar = calendar;
        return calendar;
    }

    /** The calendar feature when a provider is configured: tests run its sync themselves. */
    public java.util.Optional<com.bossreview.calendar.CalendarFeature> calendar() {
        return java.util.Optional.ofNullable(calendar);
    }

    void crm(java.util.Optional<com.bossreview.crm.CrmConnections> crm) {
        this.crm = crm.orElse(null);
    }

    /** The CRM connections when a provider is configured: tests read them. */
    public java.util.Optional<com.bossreview.crm.CrmConnections> crm() {
        return java.util.Optional.ofNullable(crm);
    }

    com.bossreview.crm.CrmSync crmSync(com.bossreview.crm.CrmSync sync) {
        this.crmSync = sync;
        return sync;
    }

    /** The CRM sync when a provider is configured: tests run it themselves. */
    public java.util.Optional<com.bossreview.crm.CrmSync> crmSync() {
        return java.util.Optional.ofNullable(crmSync);
    }

    /** The database and its pools, for tests that hold its connections or rows. */
    public com.bossreview.db.Database database() {
        return database;
    }

    /** The nudge engine, for tests and benchmarks that drive the dispatcher themselves. */
    public com.bossreview.nudge.Nudges nudges() {
        return nudges;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                log.warn(
                        "{} did not stop cleanly: {}",
                        component.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
