package com.bossreview.calendar;

import com.bossreview.config.CalendarSettings;
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
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managers' calendar connections: started from Slack (a state bound to the manager, ten minutes,
 * one use, with its PKCE verifier sealed), completed by the provider's redirect, kept as sealed
 * tokens, refreshed when used, revoked and deleted on disconnect, {@code forget} and uninstall.
 */
public final class CalendarConnections implements PersonalData {
    private static final Logger log = LoggerFactory.getLogger(CalendarConnections.class);

    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Clock clock;
    private final TokenCipher cipher;
    private final CalendarOAuth oauth;
    private final SecureRandom random = new SecureRandom();
    private final SealedWrites sealed;

    public CalendarConnections(Jdbi jdbi, Clock clock, TokenCipher cipher, CalendarOAuth oauth) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.cipher = cipher;
        this.oauth = oauth;
        this.sealed = new SealedWrites(jdbi, cipher);
    }

    /**
     * The connections, when a provider is configured ({@code GOOGLE_CLIENT_ID}, {@code
     * MICROSOFT_CLIENT_ID}); the configuration guarantees the sealing key and the public URL then.
     */
    public static Optional<CalendarConnections> of(
            CalendarSettings settings, Jdbi jdbi, Clock clock) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        return Optional.of(
                new CalendarConnections(
                        jdbi,
                        clock,
                        new TokenCipher(
                                settings.encryptionKey().orElseThrow(),
                                settings.previousEncryptionKey()),
                        new CalendarOAuth(settings, ProviderHttp.client(), clock)));
    }

    /** A manager's connection as App Home and the commands show it. */
    public record Connection(
            CalendarProvider provider,
            Optional<String> account,
            Instant connectedAt,
            Optional<Instant> revokedAt) {
        public boolean working() {
            return revokedAt.isEmpty();
        }
    }

    public Optional<Connection> find(String team, String user) {
        return jdbi.withExtension(CalendarDao.class, dao -> dao.find(team, user))
                .map(CalendarConnections::connection);
    }

    private static Connection connection(CalendarDao.Row r) {
        return new Connection(
                CalendarProvider.byId(r.provider()).orElseThrow(),
                Optional.ofNullable(r.account()),
                r.connectedAt(),
                Optional.ofNullable(r.revokedAt()));
    }

    /**
     * Starts a connection for the manager: the consent page of each configured provider, valid for
     * {@link #STATE_LIFETIME}, good for one of them once.
     */
    public Map<CalendarProvider, URI> start(String team, String user) {
        String state = SealedWrites.newState(random);
        String verifier = Pkce.newVerifier(random);
        sealing(
                (dao, seal) ->
                        dao.addState(
                                sha256(state),
                                team,
                                user,
                                seal.apply(verifier, context(team, user, "verifier")),
                                clock.instant().plus(STATE_LIFETIME)));
        Map<CalendarProvider, URI> links = new EnumMap<>(CalendarProvider.class);
        for (CalendarProvider p : CalendarProvider.values()) {
            if (oauth.offers(p)) {
                links.put(p, oauth.authorizeUrl(p, state, verifier));
            }
        }
        return links;
    }

    /** How a provider's redirect ended. */
    public sealed interface Completed {
        record Connected(String teamId, String userId, Connection connection)
                implements Completed {}

        /** Nothing stored; {@code why} is for the person in the browser. */
        record Refused(String why) implements Completed {}
    }

    /**
     * The provider's redirect: the state spent, the code exchanged, the tokens sealed and stored.
     */
    public Completed complete(
            CalendarProvider p,
            Optional<String> state,
            Optional<String> code,
            Optional<String> error) {
        if (!oauth.offers(p)) {
            return new Completed.Refused(p.label() + " is not set up on this bossreview.");
        }
        if (state.isEmpty() || state.get().length() > 200) {
            return new Completed.Refused(
                    "This link is incomplete. Start again with /bossreview connect calendar.");
        }
        Optional<CalendarDao.Started> started =
                jdbi.withExtension(
                        CalendarDao.class,
                        dao -> dao.takeState(sha256(state.get()), clock.instant()));
        if (started.isEmpty()) {
            return new Completed.Refused(
                    "This link has expired or was used already. Start again with /bossreview"
                            + " connect calendar in Slack.");
        }
        String team = started.get().teamId();
        String user = started.get().userId();
        if (error.isPresent() || code.isEmpty() || code.get().length() > 4096) {
            return new Completed.Refused(
                    error.filter("access_denied"::equals).isPresent()
                            ? "You did not allow bossreview to use your calendar, so nothing was"
                                    + " connected."
                            : p.label()
                                    + " did not send the authorization back. Start again with"
                                    + " /bossreview connect calendar.");
        }
        String verifier = cipher.decrypt(started.get().verifier(), context(team, user, "verifier"));
        CalendarOAuth.Tokens t;
        try {
            t = oauth.exchange(p, code.get(), verifier);
        } catch (CalendarException e) {
            log.warn("Calendar connection for {}/{} failed: {}", team, user, e.getMessage());
            return new Completed.Refused(
                    p.label()
                            + " did not complete the connection ("
                            + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + "). Try again in a minute with /bossreview connect calendar.");
        }
        Instant now = clock.instant();
        sealing(
                (dao, seal) ->
                        dao.connect(
                                team,
                                user,
                                p.id(),
                                t.account().orElse(null),
                                seal.apply(
                                        t.refreshToken().orElseThrow(),
                                        context(team, user, "refresh")),
                                seal.apply(t.accessToken(), context(team, user, "access")),
                                t.expiresAt(),
                                now));
        log.info("Calendar connected for {}/{}: {}", team, user, p.id());
        return new Completed.Connected(
                team, user, new Connection(p, t.account(), now, Optional.empty()));
    }

    /**
     * A working access token for the manager's calendar, refreshed when it is about to expire.
     *
     * @throws CalendarException {@code NOT_FOUND} with no connection, {@code REVOKED} when the
     *     provider refused the refresh token (the connection is marked; the first caller to see it
     *     gets {@link RevokedNow}), or the refresh's own failure
     */
    public Access access(String team, String user) {
        return access(team, user, true);
    }

    private Access access(String team, String user, boolean mayRetry) {
        CalendarDao.Row row =
                jdbi.withExtension(CalendarDao.class, dao -> dao.find(team, user))
                        .orElseThrow(
                                () ->
                                        new CalendarException(
                                                CalendarException.Kind.NOT_FOUND,
                                                "no calendar connection"));
        CalendarProvider p = CalendarProvider.byId(row.provider()).orElseThrow();
        if (row.revokedAt() != null) {
            throw new CalendarException(CalendarException.Kind.REVOKED, "consent withdrawn");
        }
        Instant now = clock.instant();
        if (row.accessToken() != null
                && row.accessExpiresAt() != null
                && row.accessExpiresAt().isAfter(now.plus(CalendarOAuth.EXPIRY_MARGIN))) {
            return new Access(p, cipher.decrypt(row.accessToken(), context(team, user, "access")));
        }
        String refresh = cipher.decrypt(row.refreshToken(), context(team, user, "refresh"));
        CalendarOAuth.Tokens t;
        try {
            t = oauth.refresh(p, refresh);
        } catch (CalendarException e) {
            if (e.kind() == CalendarException.Kind.REVOKED) {
                int first =
                        jdbi.withExtension(
                                CalendarDao.class,
                                dao ->
                                        dao.revoked(
                                                team,
                                                user,
                                                row.connectedAt(),
                                                row.refreshToken(),
                                                now));
                if (first == 0 && mayRetry && stillWorking(team, user)) {
                    // Another caller refreshed at the same moment and the provider rotated the
                    // refresh token: ours was the old one. Use what they stored.
                    return access(team, user, false);
                }
                log.info("Calendar consent withdrawn for {}/{} ({})", team, user, p.id());
                if (first == 1) {
                    throw new RevokedNow(p);
                }
            }
            throw e;
        }
        sealing(
                (dao, seal) ->
                        dao.refreshed(
                                team,
                                user,
                                row.connectedAt(),
                                seal.apply(t.accessToken(), context(team, user, "access")),
                                t.expiresAt(),
                                t.refreshToken()
                                        .map(r -> seal.apply(r, context(team, user, "refresh")))
                                        .orElse(null)));
        return new Access(p, t.accessToken());
    }

    /**
     * {@code call} with a working access token; when the provider answers 401 to a token our clock
     * still holds for valid (revoked at the provider, a clock skew, a password change), the token
     * is dropped and {@code call} runs once more with a refreshed one. Without this the cached
     * token would be handed out, and refused, until its own expiry. As Google's "Handle API errors"
     * (developers.google.com/workspace/calendar/api/guides/errors, 401 Invalid Credentials) says:
     * get a new access token with the refresh token; Graph's 401 InvalidAuthenticationToken is
     * handled the same. Once only: a fresh token refused too is the sync's failure (put off), and
     * dropped as well.
     */
    public <T> T withAccess(String team, String user, java.util.function.Function<Access, T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(access(team, user));
            } catch (CalendarException e) {
                if (e.kind() != CalendarException.Kind.UNAUTHORIZED) {
                    throw e;
                }
                refused(team, user);
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /** The provider refused the manager's access token: the next {@link #access} refreshes it. */
    public void refused(String team, String user) {
        jdbi.useExtension(CalendarDao.class, dao -> dao.accessRefused(team, user, clock.instant()));
    }

    private boolean stillWorking(String team, String user) {
        return find(team, user).filter(Connection::working).isPresent();
    }

    /** An access token and whose it is. */
    public record Access(CalendarProvider provider, String token) {
        @Override
        public String toString() {
            return "Access[" + provider + "]";
        }
    }

    /** {@code REVOKED}, seen for the first time: the manager should be told, once. */
    public static final class RevokedNow extends CalendarException {
        private static final long serialVersionUID = 1L;

        RevokedNow(CalendarProvider p) {
            super(Kind.REVOKED, p.label() + " consent withdrawn");
        }
    }

    /**
     * Disconnects: the connection deleted at once, its refresh token revoked at the provider in the
     * background where the provider can (Google). Empty when there was none.
     */
    public Optional<Connection> disconnect(String team, String user) {
        Optional<CalendarDao.Row> row =
                jdbi.withExtension(CalendarDao.class, dao -> dao.find(team, user));
        row.ifPresent(this::letGo);
        return row.map(CalendarConnections::connection);
    }

    /** Whether disconnecting revokes bossreview's access at the provider as well. */
    public static boolean revokesAtProvider(CalendarProvider p) {
        return p == CalendarProvider.GOOGLE;
    }

    @Override
    public void forgetManager(String team, String user) {
        disconnect(team, user);
    }

    @Override
    public void forgetWorkspaces(List<String> teams) {
        for (String team : teams) {
            jdbi.withExtension(CalendarDao.class, dao -> dao.ofTeam(team)).forEach(this::letGo);
        }
    }

    private void letGo(CalendarDao.Row r) {
        jdbi.useExtension(CalendarDao.class, dao -> dao.delete(r.teamId(), r.userId()));
        Thread.ofVirtual().name("calendar-revoke").start(() -> revokeQuietly(r));
    }

    /** Expired states go: they prove nothing any more. */
    public int purgeStates() {
        return jdbi.withExtension(
                CalendarDao.class, dao -> dao.purgeStates(clock.instant().minus(STATE_LIFETIME)));
    }

    /** Revokes at the provider; logs instead of failing: the tokens are deleted here already. */
    private boolean revokeQuietly(CalendarDao.Row r) {
        CalendarProvider p = CalendarProvider.byId(r.provider()).orElseThrow();
        if (r.revokedAt() != null || !oauth.offers(p)) {
            return false;
        }
        try {
            return oauth.revoke(
                    p,
                    cipher.decrypt(r.refreshToken(), context(r.teamId(), r.userId(), "refresh")));
        } catch (CalendarException | TokenCipher.UndecryptableException e) {
            log.warn(
                    "Calendar token of {}/{} not revoked at {}: {}",
                    r.teamId(),
                    r.userId(),
                    p.id(),
                    e.getMessage());
            return false;
        }
    }

    /**
     * Stores values sealed like bot tokens ({@link SealedWrites}, re-sealed by {@link
     * CalendarTokens}).
     */
    private void sealing(
            java.util.function.BiConsumer<CalendarDao, java.util.function.BinaryOperator<String>>
                    store) {
        sealed.write(CalendarDao.class, store);
    }

    static String context(String team, String user, String what) {
        return "calendar:" + team + ":" + user + ":" + what;
    }

    static String sha256(String s) {
        return SealedWrites.sha256(s);
    }
}
