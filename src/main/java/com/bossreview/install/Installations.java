package com.bossreview.install;

import com.bossreview.config.Secret;
import com.bossreview.slack.BotTokens;
import com.bossreview.slack.TokenUnavailableException;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installations of bossreview, in PostgreSQL with every bot token sealed by {@link
 * TokenCipher}. It is Bolt's {@link InstallationService} and the app's {@link BotTokens}: each
 * request and each Web API call (nudges included) finds its workspace's token here, or learns there
 * is none.
 */
public final class Installations implements InstallationService, BotTokens {
    private static final Logger log = LoggerFactory.getLogger(Installations.class);

    private final Jdbi jdbi;
    private final TokenCipher cipher;
    private final Clock clock;
    private final KeyRotation keys;

    /**
     * Workspace → the sealed org token it was last remembered under, so that a request does not
     * write every time. Keyed on the sealed value, which changes with every (re)install, so a
     * reinstall after an uninstall (which forgets the links, perhaps on another instance) is
     * remembered again.
     */
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    private volatile Consumer<List<String>> whenReinstalled = teams -> {};

    public Installations(Jdbi jdbi, TokenCipher cipher, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.clock = clock;
        this.keys = new KeyRotation(jdbi, cipher, clock);
    }

    /** The key rotation of these installations' tokens. */
    public KeyRotation keys() {
        return keys;
    }

    // ---- what bossreview uses

    /** The installation serving this team: its own, or its organization's org-wide one. */
    public Optional<Installation> serving(String enterpriseId, String teamId) {
        return row(enterpriseId, teamId).flatMap(this::open);
    }

    /**
     * Like {@link #serving}, for a request from Slack: when an org-wide install serves the team,
     * the link team → organization is remembered, so that later calls with the team id alone
     * (nudges) find it.
     */
    public Optional<Installation> forRequest(String enterpriseId, String teamId) {
        Optional<InstallationDao.Row> row = row(enterpriseId, teamId);
        row.filter(InstallationDao.Row::isEnterpriseInstall)
                .ifPresent(
                        r -> {
                            if (teamId != null
                                    && !teamId.equals(r.enterpriseId())
                                    && !r.botToken().equals(remembered.put(teamId, r.botToken()))) {
                                jdbi.useExtension(
                                        WorkspaceDao.class,
                                        dao ->
                                                dao.remember(
                                                        r.enterpriseId(), teamId, clock.instant()));
                            }
                        });
        return row.flatMap(this::open);
    }

    private Optional<InstallationDao.Row> row(String enterpriseId, String teamId) {
        if (teamId == null && enterpriseId == null) {
            return Optional.empty();
        }
        return jdbi.withExtension(InstallationDao.class, dao -> dao.serving(enterpriseId, teamId));
    }

    @Override
    public Optional<String> botToken(String enterpriseId, String teamId) {
        return serving(enterpriseId, teamId).map(i -> i.botToken().reveal());
    }

    /**
     * Stores (or replaces) an installation; a workspace that had uninstalled is no longer waiting
     * for deletion.
     */
    public void save(Installation i) {
        List<String> back =
                jdbi.inTransaction(
                        h -> {
                            InstallationDao.Row row =
                                    new InstallationDao.Row(
                                            0,
                                            i.enterpriseId().orElse(null),
                                            i.teamId().orElse(null),
                                            i.enterpriseInstall(),
                                            i.appId().orElse(null),
                                            i.enterpriseName().orElse(null),
                                            i.teamName().orElse(null),
                                            i.botUserId().orElse(null),
                                            i.botId().orElse(null),
                                            i.botScopes().orElse(null),
                                            cipher.encrypt(
                                                    i.botToken().reveal(),
                                                    i.sealingContext(),
                                                    keys.sealingKey(h)),
                                            i.installerUserId().orElse(null),
                                            i.installedAt());
                            InstallationDao dao = h.attach(InstallationDao.class);
                            WorkspaceDao workspaces = h.attach(WorkspaceDao.class);
                            if (i.enterpriseInstall()) {
                                dao.saveOrganization(row);
                                List<String> teams =
                                        workspaces.workspacesOf(i.enterpriseId().get());
                                return teams.isEmpty()
                                        ? List.<String>of()
                                        : workspaces.reinstalled(teams);
                            }
                            dao.saveWorkspace(row);
                            return workspaces.reinstalled(List.of(i.teamId().get()));
                        });
        log.info("Installed in {} by {}", i.describe(), i.installerUserId().orElse("?"));
        if (!back.isEmpty()) {
            reinstalled(back);
        }
    }

    /**
     * {@code team_access_granted}: the org-wide install of {@code enterpriseId} serves these
     * workspaces (again). Each is linked to the organization at once, so that nudges (which know
     * only the workspace) find its token before anyone there sends a command; those whose data was
     * kept for the retention period get it back, and their nudges are planned again. Nothing
     * without an org-wide install of that organization.
     *
     * @return the workspaces that had been waiting for deletion
     */
    public List<String> accessGranted(String enterpriseId, List<String> teamIds) {
        if (enterpriseId == null || teamIds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> back =
                jdbi.inTransaction(
                        h -> {
                            if (h.attach(InstallationDao.class)
                                    .ofOrganization(enterpriseId)
                                    .isEmpty()) {
                                log.info(
                                        "team_access_granted for {} without its org-wide install stored: nothing to do",
                                        enterpriseId);
                                return List.<String>of();
                            }
                            WorkspaceDao workspaces = h.attach(WorkspaceDao.class);
                            teamIds.forEach(team -> workspaces.remember(enterpriseId, team, now));
                            return workspaces.reinstalled(teamIds);
                        });
        log.info(
                "Access granted to workspaces {} of {} ({} of them back within the retention period)",
                teamIds,
                enterpriseId,
                back.size());
        if (!back.isEmpty()) {
            reinstalled(back);
        }
        return back;
    }

    /**
     * Called with the workspaces whose data was waiting for deletion when they reinstalled, after
     * the installation is stored (nudges use it to plan again what they passed by meanwhile).
     */
    public void whenReinstalled(Consumer<List<String>> listener) {
        this.whenReinstalled = listener;
    }

    /**
     * The install stands even if the follow-up fails: the next settings change or reinstall plans
     * again.
     */
    private void reinstalled(List<String> teams) {
        try {
            whenReinstalled.accept(teams);
        } catch (RuntimeException e) {
            log.error(
                    "Workspaces {} reinstalled, but planning their nudges again failed", teams, e);
        }
    }

    /**
     * Deletes the installation that served this team (its own, else its organization's org-wide
     * one) and returns it, so the caller knows which workspaces it served.
     */
    Optional<InstallationDao.Row> remove(String enterpriseId, String teamId) {
        return jdbi.inTransaction(
                h -> {
                    InstallationDao dao = h.attach(InstallationDao.class);
                    Optional<InstallationDao.Row> own =
                            teamId == null ? Optional.empty() : dao.ofWorkspace(teamId);
                    if (own.isPresent()) {
                        dao.deleteWorkspace(teamId);
                        return own;
                    }
                    Optional<InstallationDao.Row> org =
                            enterpriseId == null
                                    ? Optional.empty()
                                    : dao.ofOrganization(enterpriseId);
                    org.ifPresent(o -> dao.deleteOrganization(enterpriseId));
                    return org;
                });
    }

    /**
     * The app was removed from one workspace: its own installation (if any) is deleted and
     * returned, and it no longer borrows its organization's; the org-wide installation itself
     * stays.
     */
    Optional<InstallationDao.Row> removeFromWorkspace(String teamId) {
        Optional<InstallationDao.Row> own =
                jdbi.inTransaction(
                        h -> {
                            InstallationDao dao = h.attach(InstallationDao.class);
                            h.attach(WorkspaceDao.class).forgetOrganizationOf(List.of(teamId));
                            Optional<InstallationDao.Row> row = dao.ofWorkspace(teamId);
                            row.ifPresent(r -> dao.deleteWorkspace(teamId));
                            return row;
                        });
        remembered.remove(
                teamId); // if it is added again, its next request links it to the organization anew
        return own;
    }

    /**
     * @throws TokenUnavailableException when this instance has no key that opens the token: the
     *     workspace is still installed (another instance, or this one with the key, can use it)
     */
    private Optional<Installation> open(InstallationDao.Row r) {
        String token;
        try {
            token = cipher.decrypt(r.botToken(), context(r));
        } catch (TokenCipher.UndecryptableException e) {
            log.error(
                    "The stored token of installation {} cannot be opened with this instance's keys: {}",
                    r.id(),
                    e.getMessage());
            throw new TokenUnavailableException(
                    "the token of installation "
                            + r.id()
                            + " cannot be opened here: "
                            + e.getMessage());
        }
        return Optional.of(
                new Installation(
                        Optional.ofNullable(r.enterpriseId()),
                        Optional.ofNullable(r.teamId()),
                        r.isEnterpriseInstall(),
                        Optional.ofNullable(r.appId()),
                        Optional.ofNullable(r.enterpriseName()),
                        Optional.ofNullable(r.teamName()),
                        Optional.ofNullable(r.botUserId()),
                        Optional.ofNullable(r.botId()),
                        Optional.ofNullable(r.botScopes()),
                        new Secret(token),
                        Optional.ofNullable(r.installerUserId()),
                        r.installedAt()));
    }

    static String context(InstallationDao.Row r) {
        return Installation.sealingContext(r.isEnterpriseInstall(), r.enterpriseId(), r.teamId());
    }

    // ---- Bolt's InstallationService, in the shape Bolt's own stores (file, Amazon S3) have

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    /**
     * Only the current installation of a workspace is kept: old tokens are deleted, not archived.
     */
    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException(
                    "bossreview keeps no history of installations (privacy)");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        save(
                new Installation(
                        Optional.ofNullable(i.getEnterpriseId()),
                        Optional.ofNullable(i.getTeamId()),
                        Boolean.TRUE.equals(i.getIsEnterpriseInstall()),
                        Optional.ofNullable(i.getAppId()),
                        names(i).map(DefaultInstaller::getEnterpriseName),
                        names(i).map(DefaultInstaller::getTeamName),
                        Optional.ofNullable(i.getBotUserId()),
                        Optional.ofNullable(i.getBotId()),
                        Optional.ofNullable(i.getBotScope()),
                        new Secret(i.getBotAccessToken()),
                        Optional.ofNullable(i.getInstallerUserId()),
                        i.getInstalledAt() == null
                                ? clock.instant()
                                : Instant.ofEpochMilli(i.getInstalledAt())));
    }

    /**
     * Names are not part of Bolt's {@link Installer} interface, only of its default implementation.
     */
    private static Optional<DefaultInstaller> names(Installer i) {
        return i instanceof DefaultInstaller d ? Optional.of(d) : Optional.empty();
    }

    @Override
    public void saveBot(Bot b) {
        save(
                new Installation(
                        Optional.ofNullable(b.getEnterpriseId()),
                        Optional.ofNullable(b.getTeamId()),
                        Boolean.TRUE.equals(b.getIsEnterpriseInstall()),
                        Optional.ofNullable(b.getAppId()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.ofNullable(b.getBotUserId()),
                        Optional.ofNullable(b.getBotId()),
                        Optional.ofNullable(b.getBotScope()),
                        new Secret(b.getBotAccessToken()),
                        Optional.empty(),
                        b.getInstalledAt() == null
                                ? clock.instant()
                                : Instant.ofEpochMilli(b.getInstalledAt())));
    }

    @Override
    public void deleteBot(Bot bot) {
        remove(
                bot.getEnterpriseId(),
                Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) ? null : bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        remove(
                installer.getEnterpriseId(),
                Boolean.TRUE.equals(installer.getIsEnterpriseInstall())
                        ? null
                        : installer.getTeamId());
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        remove(enterpriseId, teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return serving(enterpriseId, teamId).map(Installations::bot).orElse(null);
    }

    /**
     * bossreview asks for no user scopes, so the installer has no token of their own: only the
     * bot's.
     */
    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return serving(enterpriseId, teamId)
                .map(
                        i ->
                                (Installer)
                                        DefaultInstaller.builder()
                                                .appId(i.appId().orElse(null))
                                                .enterpriseId(i.enterpriseId().orElse(null))
                                                .enterpriseName(i.enterpriseName().orElse(null))
                                                .teamId(i.teamId().orElse(null))
                                                .teamName(i.teamName().orElse(null))
                                                .isEnterpriseInstall(i.enterpriseInstall())
                                                .installerUserId(i.installerUserId().orElse(null))
                                                .botUserId(i.botUserId().orElse(null))
                                                .botId(i.botId().orElse(null))
                                                .botScope(i.botScopes().orElse(null))
                                                .botAccessToken(i.botToken().reveal())
                                                .installedAt(i.installedAt().toEpochMilli())
                                                .build())
                .orElse(null);
    }

    private static Bot bot(Installation i) {
        DefaultBot bot = new DefaultBot();
        bot.setAppId(i.appId().orElse(null));
        bot.setEnterpriseId(i.enterpriseId().orElse(null));
        bot.setTeamId(i.teamId().orElse(null));
        bot.setIsEnterpriseInstall(i.enterpriseInstall());
        bot.setBotUserId(i.botUserId().orElse(null));
        bot.setBotId(i.botId().orElse(null));
        bot.setBotScope(i.botScopes().orElse(null));
        bot.setBotAccessToken(i.botToken().reveal());
        bot.setInstalledAt(i.installedAt().toEpochMilli());
        return bot;
    }
}
