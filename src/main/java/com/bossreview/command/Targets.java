package com.bossreview.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One subcommand shared by several features, told apart by the word after it: {@code connect
 * calendar}, {@code connect crm}. Each feature registers its target word (and short forms); the
 * handler gets the arguments after the target. Anything else gets the list of targets, so {@code
 * connect} stays one command in help and the README instead of one per feature.
 */
final class Targets implements SubcommandHandler {
    private final Subcommand subcommand;
    private final Map<String, SubcommandHandler> byWord = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    Targets(Subcommand subcommand) {
        this.subcommand = subcommand;
    }

    /** {@code words}: the target's name first (shown), then its short forms. */
    void register(List<String> words, SubcommandHandler handler) {
        names.add(words.get(0));
        words.forEach(w -> byWord.put(w.toLowerCase(Locale.ROOT), handler));
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx)
            throws IOException, SlackApiException {
        String args = arguments.strip();
        int space = args.indexOf(' ');
        String word = (space < 0 ? args : args.substring(0, space)).toLowerCase(Locale.ROOT);
        SubcommandHandler handler = byWord.get(word);
        if (handler == null) {
            return ctx.ack(what());
        }
        return handler.handle(space < 0 ? "" : args.substring(space + 1).strip(), request, ctx);
    }

    /** e.g. {@code Connect what? calendar or crm: `/bossreview connect calendar|crm`}. */
    String what() {
        String verb = subcommand.word();
        return ":thinking_face: "
                + Character.toUpperCase(verb.charAt(0))
                + verb.substring(1)
                + " what? "
                + String.join(" or ", names)
                + ": `"
                + subcommand.usage()
                + "`.";
    }
}
