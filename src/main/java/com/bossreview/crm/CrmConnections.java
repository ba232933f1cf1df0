package com.bossreview.crm;

import com.bossreview.calendar.ProviderHttp;
import com.bossreview.config.CrmSettings;
import com.bossreview.install.Pkce;
import com.bossreview.install.SealedWrites;
import com.bossreview.install.TokenCipher;
import com.bossreview.manager.PersonalData;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRM connections (issue 16, SPEC §9), the workspace's (made by a Slack admin) or a manager's own:
 * started from Slack (a state bound to the person asking, ten minutes, one use, with its PKCE
 * verifier sealed), completed by the provider's redirect, kept as sealed tokens, revoked at the
 * provider and deleted on disconnect, {@code forget} (the manager's own) and uninstall (all of the
 * workspace's). Read-only: the scopes are {@link CrmOAuth}'s.
 */
public final class CrmConnections implements PersonalData {
    private static final Logger log = LoggerFactory.getLogger(CrmConnections.class);

    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    /** The owner part of a workspace connection's sealing context; Slack user ids are never it. */
    static final String WORKSPACE = "workspace";

    private final Jdbi jdbi;
    private final Clock clock;
    private final TokenCipher cipher;
    private final CrmOAuth oauth;
    private final SealedWrites sealed;
    private final SecureRandom random = new SecureRandom();

    public CrmConnections(Jdbi jdbi, Clock clock, TokenCipher cipher, CrmOAuth oauth) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.cipher = cipher;
        this.oauth = oauth;
        this.sealed = new SealedWrites(jdbi, cipher);
    }

    /**
     * The connections, when a provider is configured ({@code SALESFORCE_CLIENT_ID}, {@code
     * HUBSPOT_CLIENT_ID}); the configuration guarantees the sealing key and the public URL then.
     */
    public static Optional<CrmConnections> of(CrmSettings settings, Jdbi jdbi, Clock clock) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return Optional.of(
                new CrmConnections(
                        jdbi,
                        clock,
                        new TokenCipher(
                                settings.encryptionKey().orElseThrow(),
                                settings.previousEncryptionKey()),
                        new CrmOAuth(settings, ProviderHttp.client(), clock)));
    }

    /**
     * A connection as App Home and the commands show it. {@code account}: who connected, in the
     * CRM, when known.
     */
    public record Connection(
            CrmProvider provider,
            boolean forWorkspace,
            String connectedBy,
            Optional<String> account,
            Instant connectedAt,
            Optional<Instant> revokedAt) {
        public boolean working() {
            return revokedAt.isEmpty();
        }
    }

    /** The manager's own connection. */
    public Optional<Connection> ofManager(String team, String user) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.ofManager(team, user))
                .map(CrmConnections::connection);
    }

    /** The workspace's connection. */
    public Optional<Connection> ofWorkspace(String team) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.ofWorkspace(team))
                .map(CrmConnections::connection);
    }

    /** What the manager's deals are read through: their own connection, else the workspace's. */
    public Optional<Connection> serving(String team, String user) {
        return ofManager(team, user).or(() -> ofWorkspace(team));
    }

    private static Connection connection(CrmDao.Row r) {
        return new Connection(
                CrmProvider.byId(r.provider()).orElseThrow(),
                r.userId() == null,
                r.connectedBy(),
                Optional.ofNullable(r.crmUserEmail()),
                r.connectedAt(),
                Optional.ofNullable(r.revokedAt()));
    }

    /**
     * Starts a connection for {@code user} (the asker): their own, or the workspace's when {@code
     * forWorkspace} (the caller checked they are a Slack admin). The consent page of each
     * configured provider, valid for {@link #STATE_LIFETIME}, good for one of them once.
     */
    public Map<CrmProvider, URI> start(String team, String user, boolean forWorkspace) {
        String state = SealedWrites.newState(random);
        String verifier = Pkce.newVerifier(random);
        sealed.write(
                CrmDao.class,
                (dao, seal) ->
                        dao.addState(
                                SealedWrites.sha256(state),
                                team,
                                user,
                                forWorkspace,
                                seal.apply(verifier, context(team, user, "verifier")),
                                clock.instant().plus(STATE_LIFETIME)));
        Map<CrmProvider, URI> links = new EnumMap<>(CrmProvider.class);
        for (CrmProvider p : CrmProvider.values()) {
            if (oauth.offers(p)) {
                links.put(p, oauth.authorizeUrl(p, state, verifier));
            }
        }
        return links;
    }

    /** How a provider's redirect ended. */
    public sealed interface Completed {
        /** {@code userId}: who connected it (told in a DM). */
        record Connected(String teamId, String userId, Connection connection)
                implements Completed {}

        /** Nothing stored; {@code why} is for the person in the browser. */
        record Refused(String why) implements Completed {}
    }

    /**
     * The provider's redirect: the state spent, the code exchanged, the tokens sealed and stored
     * (replacing the connection of the same owner, which is revoked).
     */
    public Completed complete(
            CrmProvider p, Optional<String> state, Optional<String> code, Optional<String> error) {
        if (!oauth.offers(p)) {
            return new Completed.Refused(p.label() + " is not set up on this bossreview.");
        }
        if (state.isEmpty() || state.get().length() > 200) {
            return new Completed.Refused(
                    "This link is incomplete. Start again with /bossreview connect crm.");
        }
        Optional<CrmDao.Started> started =
                jdbi.withExtension(
                        CrmDao.class,
                        dao -> dao.takeState(SealedWrites.sha256(state.get()), clock.instant()));
        if (started.isEmpty()) {
            return new Completed.Refused(
                    "This link has expired or was used already. Start again with /bossreview"
                            + " connect crm in Slack.");
        }
        String team = started.get().teamId();
        String user = started.get().userId();
        boolean forWorkspace = started.get().forWorkspace();
        if (error.isPresent() || code.isEmpty() || code.get().length() > 4096) {
            return new Completed.Refused(
                    error.filter("access_denied"::equals).isPresent()
                            ? "You did not allow bossreview to read your CRM, so nothing was"
                                    + " connected."
                            : p.label()
                                    + " did not send the authorization back. Start again with"
                                    + " /bossreview connect crm.");
        }
        String verifier = cipher.decrypt(started.get().verifier(), context(team, user, "verifier"));
        CrmOAuth.Tokens t;
        try {
            t = oauth.exchange(p, code.get(), verifier);
        } catch (CrmException e) {
            log.warn("CRM connection for {}/{} failed: {}", team, user, e.getMessage());
            return new Completed.Refused(
                    p.label()
                            + " did not complete the connection ("
                            + e.kind().name().toLowerCase(Locale.ROOT)
                            + "). Try again in a minute with /bossreview connect crm.");
        }
        String owner = forWorkspace ? WORKSPACE : user;
        String ownerOrNull = forWorkspace ? null : user;
        Instant now = clock.instant();
        java.util.concurrent.atomic.AtomicReference<Optional<CrmDao.Row>> replaced =
                new java.util.concurrent.atomic.AtomicReference<>(Optional.empty());
        sealed.write(
                CrmDao.class,
                (dao, seal) -> {
                    dao.lockOwner(team, owner);
                    replaced.set(dao.take(team, ownerOrNull));
                    dao.insert(
                            team,
                            ownerOrNull,
                            p.id(),
                            t.instanceUrl().map(URI::toString).orElse(null),
                            t.userId().orElse(null),
                            null,
                            seal.apply(
                                    t.refreshToken().orElseThrow(),
                                    context(team, owner, "refresh")),
                            seal.apply(t.accessToken(), context(team, owner, "access")),
                            t.expiresAt(),
                            now,
                            user);
                });
        replaced.get().ifPresent(this::revokeInBackground);
        log.info(
                "CRM connected for {}/{} ({}, {})",
                team,
                owner,
                p.id(),
                forWorkspace ? "workspace" : "own");
        return new Completed.Connected(
                team,
                user,
                new Connection(
                        p, forWorkspace, user, Optional.empty(), now, Optional.<Instant>empty()));
    }

    /**
     * Disconnects the manager's own connection ({@code forWorkspace} false) or the workspace's:
     * deleted at once, its refresh token revoked at the provider in the background. Empty when
     * there was none. The caller checked that a workspace's is disconnected by an admin.
     */
    public Optional<Connection> disconnect(String team, String user, boolean forWorkspace) {
        Optional<CrmDao.Row> row =
                jdbi.withExtension(
                        CrmDao.class,
                        dao -> forWorkspace ? dao.ofWorkspace(team) : dao.ofManager(team, user));
        row.ifPresent(this::letGo);
        return row.map(CrmConnections::connection);
    }

    @Override
    public void forgetManager(String team, String user) {
        disconnect(team, user, false);
    }

    @Override
    public void forgetWorkspaces(List<String> teams) {
        for (String team : teams) {
            jdbi.withExtension(CrmDao.class, dao -> dao.ofTeam(team)).forEach(this::letGo);
        }
    }

    private void letGo(CrmDao.Row r) {
        jdbi.useExtension(CrmDao.class, dao -> dao.delete(r.teamId(), r.userId()));
        revokeInBackground(r);
    }

    private void revokeInBackground(CrmDao.Row r) {
        Thread.ofVirtual().name("crm-revoke").start(() -> revokeQuietly(r));
    }

    /** Within this of its expiry an access token is refreshed before use. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(2);

    /**
     * An access token for connection {@code id} and where its API lives, refreshed when it is about
     * to expire, as {@code calendar/CalendarConnections#access} does.
     *
     * @throws CrmException {@code NOT_FOUND} when the connection is gone, {@code REVOKED} when the
     *     provider refused the refresh token (the connection is marked; the first caller to see it
     *     gets {@link RevokedNow}, to tell the owner once), or the refresh's own failure
     */
    public Access access(long id) {
        return access(id, true);
    }

    private Access access(long id, boolean mayRetry) {
        CrmDao.Row row =
                jdbi.withExtension(CrmDao.class, dao -> dao.byId(id))
                        .orElseThrow(
                                () ->
                                        new CrmException(
                                                CrmException.Kind.NOT_FOUND, "no CRM connection"));
        CrmProvider p = CrmProvider.byId(row.provider()).orElseThrow();
        if (row.revokedAt() != null) {
            throw new CrmException(CrmException.Kind.REVOKED, p.label() + " consent withdrawn");
        }
        String owner = owner(row.userId());
        Optional<URI> instance = Optional.ofNullable(row.instanceUrl()).map(URI::create);
        Instant now = clock.instant();
        if (row.accessToken() != null
                && row.accessExpiresAt() != null
                && row.accessExpiresAt().isAfter(now.plus(EXPIRY_MARGIN))) {
            return new Access(
                    id,
                    p,
                    instance,
                    cipher.decrypt(row.accessToken(), context(row.teamId(), owner, "access")));
        }
        String refresh =
                cipher.decrypt(row.refreshToken(), context(row.teamId(), owner, "refresh"));
        CrmOAuth.Tokens t;
        try {
            t = oauth.refresh(p, refresh);
        } catch (CrmException e) {
            if (e.kind() == CrmException.Kind.REVOKED) {
                int first =
                        jdbi.withExtension(
                                CrmDao.class, dao -> dao.revoked(id, row.refreshToken(), now));
                if (first == 0 && mayRetry && stillWorking(id)) {
                    // another caller refreshed at the same moment and the provider rotated the
                    // refresh token: ours was the old one. Use what they stored.
                    return access(id, false);
                }
                log.info("CRM consent withdrawn for {}/{} ({})", row.teamId(), owner, p.id());
                if (first == 1) {
                    throw new RevokedNow(p);
                }
            }
            throw e;
        }
        sealed.write(
                CrmDao.class,
                (dao, seal) ->
                        dao.refreshed(
                                id,
                                seal.apply(t.accessToken(), context(row.teamId(), owner, "access")),
                                t.expiresAt(),
                                t.refreshToken()
                                        .map(
                                                r ->
                                                        seal.apply(
                                                                r,
                                                                context(
                                                                        row.teamId(),
                                                                        owner,
                                                                        "refresh")))
                                        .orElse(null)));
        return new Access(id, p, t.instanceUrl().or(() -> instance), t.accessToken());
    }

    /**
     * {@code call} with a working access token; a 401 to a token our clock still holds valid
     * (revoked at the provider, a password change, Salesforce's session timeout policy) drops the
     * token and runs {@code call} once more with a refreshed one, as the calendar's {@code
     * withAccess}. Once only: a fresh token refused too is the caller's failure.
     */
    public <T> T withAccess(long id, java.util.function.Function<Access, T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(access(id));
            } catch (CrmException e) {
                if (e.kind() != CrmException.Kind.UNAUTHORIZED) {
                    throw e;
                }
                jdbi.useExtension(CrmDao.class, dao -> dao.accessRefused(id, clock.instant()));
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private boolean stillWorking(long id) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.byId(id))
                .filter(r -> r.revokedAt() == null)
                .isPresent();
    }

    /**
     * An access token, whose connection and provider it is, and (Salesforce) the org's API host.
     */
    public record Access(
            long connectionId, CrmProvider provider, Optional<URI> instanceUrl, String token) {
        @Override
        public String toString() {
            return "Access[" + connectionId + ", " + provider + "]";
        }
    }

    /** {@code REVOKED}, seen for the first time: the owner should be told, once. */
    public static final class RevokedNow extends CrmException {
        private static final long serialVersionUID = 1L;

        RevokedNow(CrmProvider p) {
            super(Kind.REVOKED, p.label() + " consent withdrawn");
        }
    }

    /** Expired states go: they prove nothing any more. */
    public int purgeStates() {
        return jdbi.withExtension(
                CrmDao.class, dao -> dao.purgeStates(clock.instant().minus(STATE_LIFETIME)));
    }

    /** Revokes at the provider; logs instead of failing: the tokens are deleted here already. */
    private boolean revokeQuietly(CrmDao.Row r) {
        CrmProvider p = CrmProvider.byId(r.provider()).orElseThrow();
        if (r.revokedAt() != null || !oauth.offers(p)) {
            return false;
        }
        String owner = owner(r.userId());
        try {
            return oauth.revoke(
                    p, cipher.decrypt(r.refreshToken(), context(r.teamId(), owner, "refresh")));
        } catch (CrmException | TokenCipher.UndecryptableException e) {
            log.warn(
                    "CRM token of {}/{} not revoked at {}: {}",
                    r.teamId(),
                    owner,
                    p.id(),
                    e.getMessage());
            return false;
        }
    }

    /** The sealing context's owner: the manager, or {@link #WORKSPACE}. */
    static String owner(String userIdOrNull) {
        return userIdOrNull == null ? WORKSPACE : userIdOrNull;
    }

    static String context(String team, String owner, String what) {
        return "crm:" + team + ":" + owner + ":" + what;
    }
}
