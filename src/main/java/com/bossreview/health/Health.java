package com.bossreview.health;

import com.bossreview.slack.HttpServer.Page;
import com.google.gson.JsonObject;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /healthz}: 200 when the database answers and the scheduler runs, 503 otherwise. Slack's
 * reachability is reported but does not fail the check: restarting us would not fix Slack.
 */
public final class Health implements Supplier<Page> {
    private final BooleanSupplier database;
    private final BooleanSupplier scheduler;
    private final Supplier<String> slack;

    public Health(BooleanSupplier database, BooleanSupplier scheduler, Supplier<String> slack) {
        this.database = database;
        this.scheduler = scheduler;
        this.slack = slack;
    }

    @Override
    public Page get() {
        boolean db = database.getAsBoolean();
        boolean sched = scheduler.getAsBoolean();
        JsonObject json = new JsonObject();
        json.addProperty("status", db && sched ? "ok" : "unavailable");
        json.addProperty("database", db ? "up" : "down");
        json.addProperty("scheduler", sched ? "running" : "stopped");
        json.addProperty("slack", slack.get());
        return new Page(db && sched ? 200 : 503, "application/json", json.toString());
    }
}
