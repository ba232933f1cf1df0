package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: the app connects out to Slack. A Slack that cannot be reached at start-up is not
 * fatal; the connection is tried again every {@link #RETRY}, while HTTP keeps serving health.
 */
public final class SocketModeConnector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SocketModeConnector.class);
    static final Duration RETRY = Duration.ofSeconds(30);

    private final Secret appToken;
    private final App app;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "socket-mode-connect");
                        t.setDaemon(true);
                        return t;
                    });
    private volatile SocketModeApp socket;

    public SocketModeConnector(Secret appToken, App app) {
        this.appToken = appToken;
        this.app = app;
    }

    public void start() {
        retries.execute(this::connect);
    }

    private void connect() {
        try {
            SocketModeApp s = new SocketModeApp(appToken.reveal(), app);
            s.startAsync();
            socket = s;
            log.info("Socket Mode connection requested");
        } catch (Exception e) {
            log.error(
                    "Socket Mode could not connect to Slack ({}); trying again in {} s",
                    e.getMessage(),
                    RETRY.toSeconds());
            retries.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        retries.shutdownNow();
        if (socket != null) {
            socket.close();
        }
    }
}
