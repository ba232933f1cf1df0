package com.bossreview.install;

import com.bossreview.config.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * bossreview installed in one workspace, or org-wide in an Enterprise Grid organization (then it
 * serves every workspace of the organization with one token and has no team of its own).
 */
public record Installation(
        Optional<String> enterpriseId,
        Optional<String> teamId,
        boolean enterpriseInstall,
        Optional<String> appId,
        Optional<String> enterpriseName,
        Optional<String> teamName,
        Optional<String> botUserId,
        Optional<String> botId,
        Optional<String> botScopes,
        Secret botToken,
        Optional<String> installerUserId,
        Instant installedAt) {

    public Installation {
        if (enterpriseInstall ? enterpriseId.isEmpty() : teamId.isEmpty()) {
            throw new IllegalArgumentException(
                    enterpriseInstall
                            ? "an org-wide install needs its enterprise id"
                            : "a workspace install needs its team id");
        }
    }

    /**
     * What the token is bound to when sealed: a token copied into another row does not open there.
     */
    String sealingContext() {
        return sealingContext(enterpriseInstall, enterpriseId.orElse(null), teamId.orElse(null));
    }

    static String sealingContext(boolean enterpriseInstall, String enterpriseId, String teamId) {
        return enterpriseInstall ? "E:" + enterpriseId : "T:" + teamId;
    }

    /** For logs: ids only. */
    public String describe() {
        return enterpriseInstall
                ? "organization " + enterpriseId.get()
                : "workspace "
                        + teamId.get()
                        + enterpriseId.map(e -> " (organization " + e + ")").orElse("");
    }
}
