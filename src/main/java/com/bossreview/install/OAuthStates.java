package com.bossreview.install;

import com.bossreview.config.Secret;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthStateService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * OAuth {@code state} (Bolt's {@link OAuthStateService}): 256 random bits and an expiry {@link
 * #LIFETIME} ahead, signed with HMAC-SHA256, given to the browser both in Slack's authorize URL and
 * in an HttpOnly cookie. Nothing is stored when the install page is shown, so a flood of anonymous
 * visits costs no database work and leaves no rows; any instance can check the signature. The
 * redirect must bring back the same value in both places, and {@link #take} spends it by storing
 * its SHA-256: a state works once, even when two redirects race, and the row goes once the state
 * has expired anyway.
 *
 * <p>The signing key is derived (HKDF-SHA256, its own label) from {@code SLACK_CLIENT_SECRET},
 * which every instance has and which rotating the token encryption key leaves alone.
 */
public final class OAuthStates implements OAuthStateService {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String COOKIE = "bossreview-oauth-state";
    private static final int NONCE_BYTES = 32;
    private static final int EXPIRY_BYTES = Long.BYTES;
    private static final int MAC_BYTES = 32;

    /** What the redirect's state turned out to be. */
    public enum Verdict {
        VALID,
        MISSING,
        MISMATCH,
        UNKNOWN_OR_USED,
        EXPIRED
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public OAuthStates(Jdbi jdbi, Clock clock, Secret clientSecret) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.key =
                Hkdf.expand(
                        Hkdf.extract("bossreview/oauth-state", clientSecret.reveal()),
                        "state signing key");
    }

    @Override
    public String getSessionCookieName() {
        return COOKIE;
    }

    @Override
    public long getExpirationInSeconds() {
        return LIFETIME.toSeconds();
    }

    /** {@code base64url(nonce ‖ expiry in epoch seconds ‖ HMAC of both)}. */
    @Override
    public String generateNewStateValue() {
        ByteBuffer state = ByteBuffer.allocate(NONCE_BYTES + EXPIRY_BYTES + MAC_BYTES);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        state.put(nonce).putLong(clock.instant().plus(LIFETIME).getEpochSecond());
        state.put(Hkdf.hmac(key, state.array(), NONCE_BYTES + EXPIRY_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state.array());
    }

    /**
     * Like Bolt's, with {@code SameSite=Lax} (the redirect from slack.com is a top-level GET) and a
     * narrower path.
     */
    @Override
    public String issueNewState(Request request, Response response) {
        String state = generateNewStateValue();
        response.getHeaders()
                .put(
                        "Set-Cookie",
                        List.of(
                                COOKIE
                                        + "="
                                        + state
                                        + "; Path=/slack/; Max-Age="
                                        + getExpirationInSeconds()
                                        + "; Secure; HttpOnly; SameSite=Lax"));
        return state;
    }

    /** Nothing to store: the state's signature is what proves this app issued it. */
    @Override
    public void addNewStateToDatastore(String state) {}

    /** Issued here, not expired and not spent yet. */
    @Override
    public boolean isAvailableInDatabase(String state) {
        return expiry(state).filter(at -> at.isAfter(clock.instant())).isPresent()
                && !jdbi.withExtension(OAuthStateDao.class, dao -> dao.isSpent(sha256(state)));
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        expiry(state)
                .ifPresent(
                        at ->
                                jdbi.useExtension(
                                        OAuthStateDao.class, dao -> dao.spend(sha256(state), at)));
    }

    /**
     * Checks the redirect's state against the browser's cookie and spends it. Bolt's own flow
     * checks first and deletes only after a successful exchange, which lets a state be replayed
     * after a failed one; here a state that matched is spent whatever happens next.
     */
    public Verdict take(Request<?> request) {
        String given = extractStateFromQueryString(request);
        if (given == null || given.isBlank()) {
            return Verdict.MISSING;
        }
        String inCookie = extractStateFromSession(request);
        if (inCookie == null
                || !MessageDigest.isEqual(
                        inCookie.getBytes(StandardCharsets.UTF_8),
                        given.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.MISMATCH;
        }
        Optional<Instant> expiry = expiry(given);
        if (expiry.isEmpty()) {
            return Verdict.UNKNOWN_OR_USED; // not signed by this app: never issued here
        }
        Instant now = clock.instant();
        if (!expiry.get().isAfter(now)) {
            return Verdict.EXPIRED;
        }
        boolean first =
                jdbi.inTransaction(
                        h -> {
                            OAuthStateDao dao = h.attach(OAuthStateDao.class);
                            dao.deleteSomeExpired(now);
                            return dao.spend(sha256(given), expiry.get()) == 1;
                        });
        return first ? Verdict.VALID : Verdict.UNKNOWN_OR_USED;
    }

    /**
     * The expiry a state issued by this app carries; empty for anything else (forged, truncated,
     * foreign).
     */
    Optional<Instant> expiry(String state) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(state);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != NONCE_BYTES + EXPIRY_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] given = Arrays.copyOfRange(raw, NONCE_BYTES + EXPIRY_BYTES, raw.length);
        if (!MessageDigest.isEqual(given, Hkdf.hmac(key, raw, NONCE_BYTES + EXPIRY_BYTES))) {
            return Optional.empty();
        }
        return Optional.of(
                Instant.ofEpochSecond(ByteBuffer.wrap(raw, NONCE_BYTES, EXPIRY_BYTES).getLong()));
    }

    /**
     * Bolt's version fails on an empty cookie value; a forged request must get a page, not an
     * exception.
     */
    @Override
    public String extractStateFromSession(Request request) {
        List<String> headers =
                request.getHeaders() == null
                        ? null
                        : request.getHeaders().getMultipleValues("Cookie");
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
        List<String> cookies =
                new ArrayList<>(response.getHeaders().getOrDefault("Set-Cookie", List.of()));
        cookies.add(COOKIE + "=deleted; Path=/slack/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
        response.getHeaders().put("Set-Cookie", cookies);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
