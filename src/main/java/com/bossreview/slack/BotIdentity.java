package com.bossreview.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * What {@code auth.test} told us about our bot, and whether Slack could be asked at all. Filled by
 * {@link SlackAuthCheck}; read by request handling and {@code /healthz}.
 */
public final class BotIdentity {
    public enum SlackState {
        UNKNOWN,
        OK,
        UNREACHABLE
    }

    public record Bot(String teamId, String userId, String botId) {}

    private final AtomicReference<Bot> bot = new AtomicReference<>();
    private final AtomicReference<SlackState> state = new AtomicReference<>(SlackState.UNKNOWN);
    private final List<Consumer<Bot>> whenConfirmed = new ArrayList<>(); // guarded by this

    public Optional<Bot> bot() {
        return Optional.ofNullable(bot.get());
    }

    public SlackState state() {
        return state.get();
    }

    /**
     * Runs {@code listener} once Slack has accepted the token (at once if it already has). A
     * failing listener is logged: it must not turn an accepted token into a failed start.
     */
    public synchronized void whenConfirmed(Consumer<Bot> listener) {
        whenConfirmed.add(listener);
        bot().ifPresent(b -> notify(listener, b));
    }

    synchronized void confirmed(Bot value) {
        bot.set(value);
        state.set(SlackState.OK);
        whenConfirmed.forEach(l -> notify(l, value));
    }

    private static void notify(Consumer<Bot> listener, Bot value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(BotIdentity.class)
                    .error(
                            "After Slack accepted the bot token of {}, a follow-up failed",
                            value.teamId(),
                            e);
        }
    }

    void unreachable() {
        state.set(SlackState.UNREACHABLE);
    }
}
