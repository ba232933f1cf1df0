package com.bossreview.slack;

import com.slack.api.model.User;

import java.util.Optional;

/** Who a Slack user is ({@code users.info}): bots, deactivated people and other workspaces are told apart. */
public final class UserDirectory {
    public record SlackUser(String id, String teamId, boolean bot, boolean deleted, Optional<String> timeZone) {
    }

    private final SlackApi api;

    public UserDirectory(SlackApi api) {
        this.api = api;
    }

    /** Empty when Slack does not know the user; {@link SlackCallException} when Slack could not answer. */
    public Optional<SlackUser> lookup(String teamId, String userId) throws SlackCallException {
        try {
            User u = api.call(teamId, "users.info", c -> c.usersInfo(r -> r.user(userId))).getUser();
            boolean bot = u.isBot() || u.isAppUser() || "USLACKBOT".equals(u.getId());
            return Optional.of(new SlackUser(u.getId(), u.getTeamId(), bot, u.isDeleted(),
                    Optional.ofNullable(u.getTz()).filter(tz -> !tz.isBlank())));
        } catch (SlackCallException e) {
            if ("user_not_found".equals(e.error()) || "user_not_visible".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
