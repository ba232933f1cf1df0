package com.bossreview.install;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * OAuth {@code state} in PostgreSQL (Bolt's {@link OAuthStateService}): 256 random bits, given to the
 * browser both in Slack's authorize URL and in an HttpOnly cookie, stored as a SHA-256 that expires
 * after {@link #LIFETIME}. The redirect must bring back the same value in both places, and
 * {@link #take} spends it: a state works once, even when two redirects race.
 */
public final class OAuthStates implements OAuthStateService {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String COOKIE = "bossreview-oauth-state";

    /** What the redirect's state turned out to be. */
    public enum Verdict { VALID, MISSING, MISMATCH, UNKNOWN_OR_USED, EXPIRED }

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthStates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public String getSessionCookieName() {
        return COOKIE;
    }

    @Override
    public long getExpirationInSeconds() {
        return LIFETIME.toSeconds();
    }

    @Override
    public String generateNewStateValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Like Bolt's, with {@code SameSite=Lax} (the redirect from slack.com is a top-level GET) and a narrower path. */
    @Override
    public String issueNewState(Request request, Response response) {
        String state = generateNewStateValue();
        response.getHeaders().put("Set-Cookie", List.of(COOKIE + "=" + state
                + "; Path=/slack/; Max-Age=" + getExpirationInSeconds() + "; Secure; HttpOnly; SameSite=Lax"));
        addNewStateToDatastore(state);
        return state;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        jdbi.useTransaction(h -> {
            OAuthStateDao dao = h.attach(OAuthStateDao.class);
            dao.deleteExpired(clock.instant());
            dao.insert(sha256(state), clock.instant().plus(LIFETIME));
        });
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return jdbi.withExtension(OAuthStateDao.class, dao -> dao.isLive(sha256(state), clock.instant()));
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        jdbi.useExtension(OAuthStateDao.class, dao -> dao.delete(sha256(state)));
    }

    /**
     * Checks the redirect's state against the browser's cookie and spends it. Bolt's own flow checks
     * first and deletes only after a successful exchange, which lets a state be replayed after a
     * failed one; here a state that matched is gone whatever happens next.
     */
    public Verdict take(Request<?> request) {
        String given = extractStateFromQueryString(request);
        if (given == null || given.isBlank()) {
            return Verdict.MISSING;
        }
        String inCookie = extractStateFromSession(request);
        if (inCookie == null || !MessageDigest.isEqual(inCookie.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.MISMATCH;
        }
        Optional<Boolean> live = jdbi.withExtension(OAuthStateDao.class, dao -> dao.take(sha256(given), clock.instant()));
        return live.isEmpty() ? Verdict.UNKNOWN_OR_USED : live.get() ? Verdict.VALID : Verdict.EXPIRED;
    }

    /** Bolt's version fails on an empty cookie value; a forged request must get a page, not an exception. */
    @Override
    public String extractStateFromSession(Request request) {
        List<String> headers = request.getHeaders() == null ? null : request.getHeaders().getMultipleValues("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(COOKIE + "=")) {
                    return c.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    /** Tells the browser to drop the state cookie. */
    public void clearCookie(Response response) {
        List<String> cookies = new ArrayList<>(response.getHeaders().getOrDefault("Set-Cookie", List.of()));
        cookies.add(COOKIE + "=deleted; Path=/slack/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
        response.getHeaders().put("Set-Cookie", cookies);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
