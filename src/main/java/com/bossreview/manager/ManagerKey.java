package com.bossreview.manager;

/** Which manager: a Slack user in a workspace. Everything of a manager's is keyed by both. */
public record ManagerKey(String teamId, String userId) {
    public ManagerKey {
        if (teamId == null || teamId.isBlank() || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException(
                    "a manager needs a team and a user: " + teamId + "/" + userId);
        }
    }

    public static ManagerKey of(Manager m) {
        return new ManagerKey(m.teamId(), m.userId());
    }
}
