package com.bossreview.slack;

import com.bossreview.config.Secret;
import java.util.Optional;

/**
 * Where a workspace's bot token comes from: the one {@code SLACK_BOT_TOKEN} (single-workspace
 * mode), or the installation store (multi-workspace mode). Empty: bossreview is not installed there
 * (any more).
 */
@FunctionalInterface
public interface BotTokens {
    /**
     * @param enterpriseId the Enterprise Grid organization if known, else null
     */
    Optional<String> botToken(String enterpriseId, String teamId);

    /**
     * Single-workspace mode: the same token whatever the team (an org-wide install serves many
     * teams with one token).
     */
    static BotTokens single(Secret token) {
        return (enterpriseId, teamId) -> Optional.of(token.reveal());
    }
}
