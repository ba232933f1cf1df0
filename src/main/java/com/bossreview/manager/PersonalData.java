package com.bossreview.manager;

import java.util.List;

/**
 * What a feature holds about managers beyond their rows: a grant at a third party (a calendar's
 * tokens), to be deleted here and revoked there when a manager asks to be forgotten or their
 * workspace uninstalls bossreview. Implementations delete at once and revoke in the background, so
 * a Slack request that triggers it is still answered within its 3 seconds.
 */
public interface PersonalData {
    /** {@code forget}: before the manager's rows are deleted. */
    void forgetManager(String team, String user);

    /**
     * Whether this holds anything about {@code user}, who may not be a manager (a boss's digest
     * opt-in): then {@code forget} has something to delete for them.
     */
    default boolean holds(String team, String user) {
        return false;
    }

    /** Uninstalled (or the bot token revoked): at once, whatever the data retention. */
    void forgetWorkspaces(List<String> teams);
}
