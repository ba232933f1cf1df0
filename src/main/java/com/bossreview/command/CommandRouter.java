package com.bossreview.command;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes {@code /bossreview <word> …} to the handler a feature registered for that word. A word
 * with no handler yet answers honestly that it is not available; an unknown word gets the usage.
 */
public final class CommandRouter implements Consumer<App> {
    public static final String COMMAND = "/bossreview";

    private final Map<Subcommand, SubcommandHandler> handlers = new EnumMap<>(Subcommand.class);
    private final Map<Subcommand, Targets> targets = new EnumMap<>(Subcommand.class);

    public CommandRouter() {
        handlers.put(
                Subcommand.HELP,
                (args, req, ctx) ->
                        ctx.ack(r -> r.text(CommandViews.helpText()).blocks(CommandViews.help())));
    }

    public CommandRouter register(Subcommand subcommand, SubcommandHandler handler) {
        handlers.put(subcommand, handler);
        return this;
    }

    /**
     * Registers a feature's target of a shared subcommand ({@code connect calendar}): {@code
     * words}, the target's name first, then short forms. See {@link Targets}.
     */
    public CommandRouter registerTarget(
            Subcommand subcommand, List<String> words, SubcommandHandler handler) {
        targets.computeIfAbsent(
                        subcommand,
                        s -> {
                            Targets t = new Targets(s);
                            handlers.put(s, t);
                            return t;
                        })
                .register(words, handler);
        return this;
    }

    @Override
    public void accept(App app) {
        app.command(COMMAND, this::route);
    }

    Response route(SlashCommandRequest request, SlashCommandContext ctx)
            throws IOException, SlackApiException {
        String text = request.getPayload().getText();
        if (text != null && text.length() > CommandText.MAX_LENGTH) {
            return ctx.ack(CommandViews.tooLong());
        }
        CommandText parsed = CommandText.parse(text);
        String word = parsed.word().isEmpty() ? Subcommand.STATUS.word() : parsed.word();
        var subcommand = Subcommand.byWord(word);
        if (subcommand.isEmpty()) {
            return ctx.ack(CommandViews.unknown(word, Subcommand.closestTo(word)));
        }
        SubcommandHandler handler = handlers.get(subcommand.get());
        if (handler == null) {
            return ctx.ack(CommandViews.notAvailableYet(subcommand.get()));
        }
        return handler.handle(parsed.arguments(), request, ctx);
    }
}
