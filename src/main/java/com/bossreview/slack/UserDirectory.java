package com.bossreview.slack;

import com.slack.api.model.User;
import java.util.List;
import java.util.Optional;

/**
 * Who a Slack user is ({@code users.info}): bots, deactivated people and other workspaces are told
 * apart.
 */
public final class UserDirectory {
    /**
     * @param teamId the user's home workspace
     * @param orgTeams on Enterprise Grid, every workspace of the org the user belongs to ({@code
     *     enterprise_user.teams}); empty elsewhere
     * @param locale e.g. {@code en-US}, when Slack tells it
     * @param admin a workspace admin or owner ({@code is_admin}, {@code is_owner}): may connect the
     *     CRM for the whole workspace
     */
    public record SlackUser(
            String id,
            String teamId,
            List<String> orgTeams,
            boolean bot,
            boolean deleted,
            Optional<String> timeZone,
            Optional<String> locale,
            Optional<String> email,
            boolean admin) {
        /**
         * Whether the user is a member of {@code team}: their home workspace, or, on Enterprise
         * Grid, any workspace of the org they were added to (a boss whose home is another workspace
         * of the org).
         */
        public boolean memberOf(String team) {
            return team.equals(teamId) || orgTeams.contains(team);
        }
    }

    private final SlackApi api;

    public UserDirectory(SlackApi api) {
        this.api = api;
    }

    /**
     * Empty when Slack does not know the user; {@link SlackCallException} when Slack could not
     * answer.
     */
    public Optional<SlackUser> lookup(String teamId, String userId) throws SlackCallException {
        try {
            User u =
                    api.call(
                                    teamId,
                                    "users.info",
                                    c -> c.usersInfo(r -> r.user(userId).includeLocale(true)))
                            .getUser();
            boolean bot = u.isBot() || u.isAppUser() || "USLACKBOT".equals(u.getId());
            List<String> orgTeams =
                    u.getEnterpriseUser() == null || u.getEnterpriseUser().getTeams() == null
                            ? List.of()
                            : List.copyOf(u.getEnterpriseUser().getTeams());
            return Optional.of(
                    new SlackUser(
                            u.getId(),
                            u.getTeamId(),
                            orgTeams,
                            bot,
                            u.isDeleted(),
                            Optional.ofNullable(u.getTz()).filter(tz -> !tz.isBlank()),
                            Optional.ofNullable(u.getLocale()).filter(l -> !l.isBlank()),
                            // Only with the users:read.email scope (installs before issue 15 lack
                            // it until reinstalled).
                            Optional.ofNullable(u.getProfile())
                                    .map(p -> p.getEmail())
                                    .filter(e -> !e.isBlank()),
                            u.isAdmin() || u.isOwner()));
        } catch (SlackCallException e) {
            if ("user_not_found".equals(e.error()) || "user_not_visible".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
