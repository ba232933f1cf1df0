package com.bossreview.workspace;

import com.bossreview.forecast.Currency;
import com.bossreview.time.PrimeHours;
import java.time.Instant;
import java.time.Month;
import java.util.Optional;

/**
 * What a Slack workspace admin set for every manager of the workspace ({@code /bossreview settings
 * workspace}); each value empty until set, and then bossreview's own default applies. A manager's
 * own value overrides the workspace's.
 *
 * @param lastSetBy the admin who changed a value last, and when: empty for a workspace with none
 */
public record WorkspaceDefaults(
        String teamId,
        Optional<PrimeHours> primeHours,
        Optional<Month> fiscalStart,
        Optional<Currency> currency,
        Optional<Change> lastSetBy) {

    public record Change(String userId, Instant at) {}

    /** A workspace whose admins set nothing. */
    public static WorkspaceDefaults none(String teamId) {
        return new WorkspaceDefaults(
                teamId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The prime hours in force for a manager without their own. */
    public PrimeHours primeHoursInForce() {
        return primeHours.orElse(PrimeHours.DEFAULT);
    }

    /** The fiscal-year start in force for a manager without their own. */
    public Month fiscalStartInForce() {
        return fiscalStart.orElse(Month.JANUARY);
    }
}
