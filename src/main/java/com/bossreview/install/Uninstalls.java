package com.bossreview.install;

import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.PersonalData;
import com.bossreview.workspace.WorkspaceDefaultsDao;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a workspace uninstalls bossreview or revokes its bot token: the token is
 * deleted at once (nothing can be sent there any more, nudges included), and the workspace's data
 * is deleted at once too, or, with {@code BOSSREVIEW_UNINSTALL_RETENTION_DAYS}, by {@link
 * #purgeExpired} once that many days have passed without a reinstall.
 */
public final class Uninstalls {
    private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);

    private final Jdbi jdbi;
    private final Optional<Installations> installations;
    private final Duration retention;
    private final Clock clock;
    private final List<PersonalData> held;

    /**
     * @param installations empty in single-workspace mode, where the token lives in the environment
     */
    public Uninstalls(
            Jdbi jdbi, Optional<Installations> installations, Duration retention, Clock clock) {
        this(jdbi, installations, retention, clock, List.of());
    }

    /** {@code held}: what features keep elsewhere, let go of at once when a workspace leaves. */
    public Uninstalls(
            Jdbi jdbi,
            Optional<Installations> installations,
            Duration retention,
            Clock clock,
            List<PersonalData> held) {
        this.jdbi = jdbi;
        this.installations = installations;
        this.retention = retention;
        this.clock = clock;
        this.held = List.copyOf(held);
    }

    /**
     * The app was uninstalled from (or lost its bot token in) {@code teamId}. An org-wide install
     * that served the team goes too, with every workspace seen under it.
     *
     * @return the workspaces whose tokens are gone
     */
    public List<String> uninstalled(String enterpriseId, String teamId) {
        Set<String> teams = new LinkedHashSet<>();
        if (teamId != null && !teamId.equals(enterpriseId)) {
            teams.add(teamId);
        }
        Optional<InstallationDao.Row> removed =
                installations.flatMap(i -> i.remove(enterpriseId, teamId));
        removed.filter(InstallationDao.Row::isEnterpriseInstall)
                .ifPresent(
                        org ->
                                teams.addAll(
                                        jdbi.withExtension(
                                                WorkspaceDao.class,
                                                dao -> dao.workspacesOf(org.enterpriseId()))));
        List<String> affected = new ArrayList<>(teams);
        log.info(
                "Uninstalled from {}/{}: token {}, workspaces {}",
                enterpriseId,
                teamId,
                removed.map(r -> "deleted").orElse("none stored"),
                affected);
        return dataOfLeaving(affected);
    }

    /**
     * The app was removed from one workspace of an organization while installed org-wide ({@code
     * app_uninstalled_team}): that workspace's own installation goes if it had one, and it no
     * longer borrows the organization's token, but the org-wide install stays for the other
     * workspaces. Its data goes like an uninstalled workspace's.
     */
    public List<String> removedFromWorkspace(String teamId) {
        Optional<InstallationDao.Row> removed =
                installations.flatMap(i -> i.removeFromWorkspace(teamId));
        if (installations.isEmpty()) {
            jdbi.useExtension(WorkspaceDao.class, dao -> dao.forgetOrganizationOf(List.of(teamId)));
        }
        log.info(
                "Removed from workspace {}: its own token {}, its organization's install kept",
                teamId,
                removed.map(r -> "deleted").orElse("none stored"));
        return dataOfLeaving(List.of(teamId));
    }

    /**
     * {@code team_access_granted} for an org-wide install: see {@link Installations#accessGranted}.
     * Nothing in single-workspace mode, which has no org-wide install.
     */
    public List<String> accessGranted(String enterpriseId, List<String> teamIds) {
        return installations.map(i -> i.accessGranted(enterpriseId, teamIds)).orElse(List.of());
    }

    /**
     * Single-workspace mode: Slack accepted the configured token for {@code teamId}, so the app is
     * installed there, whatever an earlier {@code app_uninstalled} said (reinstalled, new token,
     * restart). Its data is no longer waiting for deletion.
     *
     * @return {@code teamId} if its data had been waiting for deletion, else nothing
     */
    public List<String> tokenAccepted(String teamId) {
        List<String> back =
                jdbi.withExtension(WorkspaceDao.class, dao -> dao.reinstalled(List.of(teamId)));
        if (!back.isEmpty()) {
            log.info(
                    "Slack accepts the bot token of {} again: its data is kept and its nudges planned again",
                    teamId);
        }
        return back;
    }

    /**
     * Deletes the data of these workspaces now, or marks it for {@link #purgeExpired} with a
     * retention period.
     */
    private List<String> dataOfLeaving(List<String> affected) {
        if (affected.isEmpty()) {
            return affected;
        }
        held.forEach(h -> h.forgetWorkspaces(affected));
        if (retention.isZero()) {
            deleteData(affected);
        } else {
            Instant now = clock.instant();
            jdbi.useTransaction(
                    h ->
                            affected.forEach(
                                    t -> h.attach(WorkspaceDao.class).markUninstalled(t, now)));
            log.info(
                    "Data of {} kept until {} unless they reinstall",
                    affected,
                    now.plus(retention));
        }
        return affected;
    }

    /**
     * Deletes the data of workspaces that uninstalled at least the retention period before {@code
     * now} and did not reinstall. For a scheduled job; returns how many workspaces were purged.
     */
    public int purgeExpired(Instant now) {
        List<String> teams =
                jdbi.withExtension(
                        WorkspaceDao.class, dao -> dao.uninstalledBefore(now.minus(retention)));
        if (!teams.isEmpty()) {
            deleteData(teams);
        }
        return teams.size();
    }

    /**
     * Bulk work even when an uninstall event asks for it: on the background pool, whose statement
     * timeout leaves time to delete a large workspace, rather than the request pool's second and a
     * half.
     */
    private void deleteData(List<String> teams) {
        int managers =
                com.bossreview.db.BackgroundWork.call(
                        () ->
                                jdbi.inTransaction(
                                        h -> {
                                            WorkspaceDao dao = h.attach(WorkspaceDao.class);
                                            int deleted =
                                                    h.attach(ManagerDao.class).deleteAllOf(teams);
                                            h.attach(WorkspaceDefaultsDao.class).deleteAllOf(teams);
                                            dao.forgetOrganizationOf(teams);
                                            dao.clearUninstalled(teams);
                                            return deleted;
                                        }));
        log.info(
                "Deleted the data of workspaces {} ({} managers with everything they logged)",
                teams,
                managers);
    }
}
