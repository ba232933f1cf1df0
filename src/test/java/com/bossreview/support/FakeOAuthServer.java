package com.bossreview.support;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every fake OAuth provider shares (Google, Microsoft, Salesforce, HubSpot): an in-process
 * HTTP server on a free loopback port, a log of every request, injected failures, and the OAuth
 * grants (codes with their PKCE challenge, refresh and access tokens per account). Subclasses route
 * requests and speak their provider's JSON; {@link FakeProviderServer} adds the calendars.
 */
public abstract class FakeOAuthServer implements AutoCloseable {
    /** One request as the provider received it; {@code query} decoded, {@code body} as sent. */
    public record Request(
            String method, String path, Map<String, String> query, String body, String bearer) {
        public String query(String name) {
            return query.get(name);
        }

        /** A form body's field (the token endpoints). */
        public String form(String name) {
            return FakeOAuthServer.parseQuery(body).get(name);
        }
    }

    /** How to answer a request instead of the normal answer. */
    public sealed interface Failure {
        /** {@code 429} with {@code Retry-After}, in the provider's error shape. */
        record RateLimited(int retryAfterSeconds) implements Failure {}

        /**
         * The provider's documented quota answer: Google's {@code 403 rateLimitExceeded} (domain
         * {@code usageLimits}), Salesforce's {@code 403 REQUEST_LIMIT_EXCEEDED}; Microsoft has no
         * such thing and answers {@code 429} without Retry-After.
         */
        record QuotaExceeded() implements Failure {}

        /** A bare {@code 500}/{@code 503}. */
        record ServerError(int status) implements Failure {}

        /**
         * No answer until the fake closes: longer than any client timeout (give the client a short
         * one).
         */
        record Hang() implements Failure {}

        /** {@code 401} as for an expired access token. */
        record Unauthorized() implements Failure {}

        /** {@code 403} for a reason other than quota (no access to the calendar). */
        record Forbidden() implements Failure {}

        /**
         * Any documented error: {@code status} with {@code reason} as Google's {@code
         * errors[0].reason} or Graph's {@code error.code} (e.g. 400 {@code resyncRequired}).
         */
        record ProviderError(int status, String reason) implements Failure {}
    }

    /** An answer: status, JSON body, extra headers. */
    protected record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(int status, JsonObject body) {
            return new Answer(status, body.toString(), Map.of());
        }

        static Answer ok(JsonObject body) {
            return json(200, body);
        }
    }

    private record Grant(String challenge, String account) {}

    private record Injected(Failure failure, String pathPrefix) {}

    protected final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition arrived = lock.newCondition();
    private final HttpServer server;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Injected> failures = new ArrayDeque<>();
    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();
    private final Map<String, String> accessTokens = new HashMap<>();

    /** Access token → the refresh token it was issued with (revoking that one ends it too). */
    private final Map<String, String> refreshOfAccess = new HashMap<>();

    private final Set<String> expired = new HashSet<>();
    private final List<String> revoked = new ArrayList<>();
    private final String clientId;
    private final String clientSecret;
    private int issued;
    private volatile long latencyMinNanos;
    private volatile long latencyMaxNanos;

    protected FakeOAuthServer(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::exchange);
        server.setExecutor(
                // unbounded: a benchmark's injected latency holds a thread per request in flight
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "fake-" + getClass().getSimpleName());
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
    }

    /** {@code http://127.0.0.1:<port>/} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    // ---- test API: OAuth ----

    /**
     * The authorization code the browser brings back after {@code account} consented to a request
     * with PKCE {@code challenge} (S256); the token endpoint checks the verifier against it.
     */
    public String issueCode(String code, String challenge, String account) {
        lock.lock();
        try {
            codes.put(code, new Grant(challenge, account));
            known(account);
            return code;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What the browser does on the provider's consent page for the authorize URL the app built:
     * checks its {@code client_id} and {@code code_challenge_method=S256}, issues a code bound to
     * its {@code code_challenge} for {@code account}, and returns where the provider redirects to:
     * {@code <redirect_uri>?code=…&state=…}.
     */
    public java.net.URI consent(java.net.URI authorizeUrl, String account) {
        Map<String, String> q = parseQuery(authorizeUrl.getRawQuery());
        if (!clientId.equals(q.get("client_id"))
                || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null
                || q.get("redirect_uri") == null) {
            throw new AssertionError("not an authorize URL this provider accepts: " + q.keySet());
        }
        String code =
                issueCode("code-" + java.util.UUID.randomUUID(), q.get("code_challenge"), account);
        return java.net.URI.create(
                q.get("redirect_uri")
                        + "?code="
                        + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8)
                        + "&state="
                        + java.net.URLEncoder.encode(
                                q.getOrDefault("state", ""), StandardCharsets.UTF_8));
    }

    /** An access token for {@code account}, as if it had been through the OAuth dance. */
    public String accessToken(String account) {
        lock.lock();
        try {
            known(account);
            return newAccessToken(account);
        } finally {
            lock.unlock();
        }
    }

    /** The user withdrew consent: refresh tokens give {@code invalid_grant}, access tokens 401. */
    public void revokeConsent(String account) {
        lock.lock();
        try {
            refreshTokens.values().removeIf(a -> a.equalsIgnoreCase(account));
            accessTokens.values().removeIf(a -> a.equalsIgnoreCase(account));
        } finally {
            lock.unlock();
        }
    }

    /** Every access token issued so far answers 401 from now on. */
    public void expireAccessTokens() {
        lock.lock();
        try {
            expired.addAll(accessTokens.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Tokens revoked through the revoke endpoint, in order. */
    public List<String> revoked() {
        lock.lock();
        try {
            return List.copyOf(revoked);
        } finally {
            lock.unlock();
        }
    }

    // ---- test API: failures and the log ----

    /**
     * Every answer from now on waits a uniformly random time in [{@code min}, {@code max}] before
     * it is sent, as a provider across the internet would: for benchmarks (tests assert on
     * behaviour, not on timing, and leave it off).
     */
    public void latency(java.time.Duration min, java.time.Duration max) {
        latencyMinNanos = min.toNanos();
        latencyMaxNanos = Math.max(min.toNanos(), max.toNanos());
    }

    /** The next {@code n} requests get {@code failure}. */
    public void failNext(int n, Failure failure) {
        failNext(n, failure, "/");
    }

    /**
     * The next {@code n} requests whose path starts with {@code pathPrefix} get {@code failure}.
     */
    public void failNext(int n, Failure failure, String pathPrefix) {
        lock.lock();
        try {
            for (int i = 0; i < n; i++) {
                failures.add(new Injected(failure, pathPrefix));
            }
        } finally {
            lock.unlock();
        }
    }

    public List<Request> requests() {
        lock.lock();
        try {
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    /** Requests of {@code method} whose path ends with {@code pathSuffix}. */
    public List<Request> requests(String method, String pathSuffix) {
        return requests().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
                .toList();
    }

    /**
     * Waits (without sleeping) until {@code count} requests of {@code method} to a path ending with
     * {@code pathSuffix} have arrived; returns them. For code that calls the provider from its own
     * threads.
     */
    public List<Request> awaitRequests(
            String method, String pathSuffix, int count, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<Request> matching =
                        requests.stream()
                                .filter(
                                        r ->
                                                r.method().equals(method)
                                                        && r.path().endsWith(pathSuffix))
                                .toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "Expected "
                                    + count
                                    + " "
                                    + method
                                    + " …"
                                    + pathSuffix
                                    + " within "
                                    + timeout
                                    + ", got "
                                    + matching.size()
                                    + "; all: "
                                    + requests);
                }
                arrived.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    public void clearRequests() {
        lock.lock();
        try {
            requests.clear();
        } finally {
            lock.unlock();
        }
    }

    // ---- for subclasses ----

    /** Answers one request; called under the lock. */
    protected abstract Answer route(Request r);

    /** The provider's answer to an injected failure. */
    protected abstract Answer failure(Failure f);

    /** The provider's 401. */
    protected abstract Answer unauthorized();

    /** The account behind the request's access token, if it is one still honoured. */
    protected Optional<String> account(Request r) {
        if (r.bearer() == null || expired.contains(r.bearer())) {
            return Optional.empty();
        }
        return Optional.ofNullable(accessTokens.get(r.bearer()));
    }

    protected boolean clientOk(Request r) {
        return clientId.equals(r.form("client_id")) && clientSecret.equals(r.form("client_secret"));
    }

    /**
     * The account whose code this is when the PKCE verifier matches its challenge; the code is used
     * up either way (RFC 6749 §4.1.2: once).
     */
    protected Optional<String> redeemCode(String code, String verifier) {
        Grant g = code == null ? null : codes.remove(code);
        if (g == null || verifier == null || !g.challenge().equals(s256(verifier))) {
            return Optional.empty();
        }
        return Optional.of(g.account());
    }

    protected String newAccessToken(String account) {
        String token = accessPrefix() + (++issued) + "-" + Long.toHexString(System.nanoTime());
        accessTokens.put(token, account);
        return token;
    }

    protected String newRefreshToken(String account) {
        String token = "refresh-" + (++issued) + "-" + Long.toHexString(System.nanoTime());
        refreshTokens.put(token, account);
        return token;
    }

    protected Optional<String> refreshAccount(String refreshToken) {
        return Optional.ofNullable(refreshToken == null ? null : refreshTokens.get(refreshToken));
    }

    /** Remembers that {@code access} was issued with {@code refresh}. */
    protected void issuedWith(String access, String refresh) {
        refreshOfAccess.put(access, refresh);
    }

    /** Revokes a refresh token (and what was issued from it) or one access token. */
    protected boolean revoke(String token) {
        boolean wasRefresh = refreshTokens.remove(token) != null;
        boolean wasAccess = accessTokens.remove(token) != null;
        boolean known = wasRefresh || wasAccess;
        refreshOfAccess
                .entrySet()
                .removeIf(
                        e -> {
                            if (e.getValue().equals(token)) {
                                accessTokens.remove(e.getKey());
                                return true;
                            }
                            return false;
                        });
        if (known) {
            revoked.add(token);
        }
        return known;
    }

    protected abstract String accessPrefix();

    /** {@code account} has been through the OAuth dance (a code or a token was issued for it). */
    protected void known(String account) {}

    /** An unsigned JWT-shaped ID token with these claims. */
    protected static String idToken(JsonObject claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(
                        "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8))
                + ".";
    }

    static String s256(String verifier) {
        try {
            byte[] sha =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            q.put(
                    URLDecoder.decode(k, StandardCharsets.UTF_8),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    /** A bug in the fake shows as a 500 naming it, not as a dropped connection. */
    private Answer safeRoute(Request r) {
        try {
            return route(r);
        } catch (RuntimeException e) {
            JsonObject o = new JsonObject();
            o.addProperty("fakeError", String.valueOf(e));
            return Answer.json(500, o);
        }
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] bytes;
            try (InputStream in = ex.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Request r =
                    new Request(
                            ex.getRequestMethod(),
                            ex.getRequestURI().getPath(),
                            parseQuery(ex.getRequestURI().getRawQuery()),
                            new String(bytes, StandardCharsets.UTF_8),
                            auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null);
            Answer answer;
            Failure failure = null;
            lock.lock();
            try {
                requests.add(r);
                arrived.signalAll();
                Injected next = failures.peek();
                if (next != null && r.path().startsWith(next.pathPrefix())) {
                    failures.poll();
                    failure = next.failure();
                }
                answer = failure == null ? safeRoute(r) : failure(failure);
            } finally {
                lock.unlock();
            }
            long min = latencyMinNanos;
            long max = latencyMaxNanos;
            if (max > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(
                            min
                                    + java.util.concurrent.ThreadLocalRandom.current()
                                            .nextLong(max - min + 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure instanceof Failure.Hang) {
                try {
                    // the fake's own stand-in for a provider that never answers; released on close
                    closing.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        } catch (IOException e) {
            // the client gave up (a hang it timed out on): nothing to answer
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
