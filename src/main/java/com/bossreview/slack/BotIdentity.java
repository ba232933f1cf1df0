package com.bossreview.slack;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@code auth.test} told us about our bot, and whether Slack could be asked at all. Filled by
 * {@link SlackAuthCheck}; read by request handling and {@code /healthz}.
 */
public final class BotIdentity {
    public enum SlackState { UNKNOWN, OK, UNREACHABLE }

    public record Bot(String teamId, String userId, String botId) {
    }

    private final AtomicReference<Bot> bot = new AtomicReference<>();
    private final AtomicReference<SlackState> state = new AtomicReference<>(SlackState.UNKNOWN);

    public Optional<Bot> bot() {
        return Optional.ofNullable(bot.get());
    }

    public SlackState state() {
        return state.get();
    }

    void confirmed(Bot value) {
        bot.set(value);
        state.set(SlackState.OK);
    }

    void unreachable() {
        state.set(SlackState.UNREACHABLE);
    }
}
