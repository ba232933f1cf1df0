package com.bossreview.health;

import com.bossreview.slack.HttpServer.Page;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /readyz}: 200 only when the database answers, the scheduler runs, the hot paths have run
 * once ({@link #warmedUp()}) and shutdown has not begun ({@link #stopping(Duration)}); else 503
 * naming what failed. A load balancer then sends traffic only to an instance that answers its first
 * requests at full speed, and stops sending it to one that is draining. Unlike {@code /livez}, a
 * failing check here must not restart the process.
 */
public final class Readiness implements Supplier<Page> {
    private final BooleanSupplier database;
    private final BooleanSupplier scheduler;
    private volatile boolean warmedUp;
    private volatile boolean stopping;

    public Readiness(BooleanSupplier database, BooleanSupplier scheduler) {
        this.database = database;
        this.scheduler = scheduler;
    }

    public void warmedUp() {
        warmedUp = true;
    }

    /**
     * Shutdown has begun: not ready from now on, whatever the other checks say. Returns after
     * {@code notice}, while everything still serves, so that load balancers see the 503 before
     * connections are refused.
     */
    public void stopping(Duration notice) throws InterruptedException {
        stopping = true;
        if (!notice.isZero()) {
            Thread.sleep(
                    notice.toMillis()); // waiting for probes outside the process: no condition to
            // wait on
        }
    }

    @Override
    public Page get() {
        JsonObject json = new JsonObject();
        if (stopping) {
            // No database call: a draining instance answers at once, and its pool may be going
            // away.
            json.addProperty("status", "unavailable");
            json.addProperty("failed", "shutting_down");
            return new Page(503, "application/json", json.toString());
        }
        String failed =
                !warmedUp
                        ? "warming_up"
                        : !database.getAsBoolean()
                                ? "database"
                                : !scheduler.getAsBoolean() ? "scheduler" : null;
        json.addProperty("status", failed == null ? "ready" : "unavailable");
        if (failed != null) {
            json.addProperty("failed", failed);
        }
        return new Page(failed == null ? 200 : 503, "application/json", json.toString());
    }
}
