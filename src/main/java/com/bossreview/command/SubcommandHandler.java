package com.bossreview.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;

/** One {@code /bossreview} subcommand; it must ack (return) fast and do slow work after the ack. */
@FunctionalInterface
public interface SubcommandHandler {
    Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx)
            throws IOException, SlackApiException;
}
