package com.bossreview.health;

import com.bossreview.slack.HttpServer.Page;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Optional;
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
    private final Supplier<Optional<Instant>> lastDispatch;

    public Health(
            BooleanSupplier database,
            BooleanSupplier scheduler,
            Supplier<String> slack,
            Supplier<Optional<Instant>> lastDispatch) {
        this.database = database;
        this.scheduler = scheduler;
        this.slack = slack;
        this.lastDispatch = lastDispatch;
    }

    private String lastDispatchOrNull() {
        try {
            return lastDispatch.get().map(Instant::toString).orElse(null);
        } catch (RuntimeException e) {
            return null; // the database went away between the two checks
        }
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
        if (db) {
            json.addProperty("dispatcher_last_run", lastDispatchOrNull());
        }
        return new Page(db && sched ? 200 : 503, "application/json", json.toString());
    }
}
