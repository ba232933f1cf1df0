package com.bossreview.nudge;

import com.bossreview.db.BackgroundWork;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The engine's threads. Their queries use the background pool, never the connections Slack's
 * requests wait for.
 */
final class Threads {
    private Threads() {}

    /** Platform daemon threads named {@code name}, for the claim loop and the timers. */
    static ThreadFactory background(String name) {
        return r -> {
            Thread t = new Thread(BackgroundWork.wrap(r), name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A virtual thread per send: a Slack call waits ~100–300 ms, so the calls in flight are as many
     * as the workspaces' pace asks for, not as many as a pool has threads.
     */
    static ExecutorService senders() {
        ThreadFactory virtual = Thread.ofVirtual().name("nudge-send-", 0).factory();
        return Executors.newThreadPerTaskExecutor(r -> virtual.newThread(BackgroundWork.wrap(r)));
    }
}
