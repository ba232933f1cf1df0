package com.bossreview.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-process Slack Web API. It answers each method with Slack's own example response (from
 * {@code slack-samples/}), records every call, and can be told to answer the next calls of a method
 * with {@code 429 Retry-After}, {@code 500}, an {@code ok:false} error, or slowly.
 */
public final class FakeSlack implements AutoCloseable {
    public static final String TEAM_ID = "T0001";
    public static final String BOT_USER_ID = "UBOT0001";
    public static final String BOT_ID = "BBOT0001";

    /** The method name under which posts to a {@link #responseUrl()} are recorded. */
    public static final String RESPONSE_URL = "response_url";

    /**
     * The method name under which file bytes posted to an upload_url are recorded (param {@code
     * content}).
     */
    public static final String FILE_UPLOAD = "file_upload";

    /**
     * One Web API call as Slack would have received it: {@code at} when it arrived, {@code
     * answeredAt} when it was answered (later than {@code at} only with a {@link Pacing}).
     */
    public record Call(
            String method,
            Map<String, String> params,
            String token,
            Instant at,
            boolean faulted,
            Instant answeredAt) {
        public String param(String name) {
            return params.get(name);
        }

        /**
         * A JSON parameter ({@code blocks}, {@code view}) re-printed without Gson's HTML escaping,
         * to read in assertions.
         */
        public String json(String name) {
            String raw = params.get(name);
            return raw == null
                    ? null
                    : new com.google.gson.GsonBuilder()
                            .disableHtmlEscaping()
                            .create()
                            .toJson(JsonParser.parseString(raw));
        }
    }

    /** How to answer one call instead of the normal answer. */
    public sealed interface Fault {
        record RateLimited(int retryAfterSeconds) implements Fault {}

        record ServerError(int status) implements Fault {}

        record ApiError(String error) implements Fault {}

        record Slow(Duration delay) implements Fault {}

        /**
         * Answers {@code 503} only after {@code delay}: a timeout for a client that gives up
         * sooner; nothing was posted.
         */
        record Timeout(Duration delay) implements Fault {}

        /**
         * Reads the whole request, then closes the connection without a word: what a dropped
         * connection (a proxy restarting, a NAT timeout) looks like to the client after the request
         * went out. The call is recorded.
         */
        record DropConnection() implements Fault {}
    }

    private final HttpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition called = lock.newCondition();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<String, String> answers = new HashMap<>();
    private final Map<String, JsonObject> users = new HashMap<>();
    private final Map<String, Fault> everyNthFault = new HashMap<>();
    private final Map<String, Integer> everyNth = new HashMap<>();
    private final Map<String, Integer> callCounts = new HashMap<>();
    private final Map<String, java.util.function.IntFunction<Fault>> faultRules = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();

    /**
     * A realistic Slack's latency and rate limits, or null: every answer at once, as the tests
     * want.
     */
    private volatile Pacing pacing;

    /**
     * Answers delayed by the {@link #pacing}: completed from here after the handler has returned,
     * so a call waiting for its answer holds no server thread.
     */
    private final ScheduledExecutorService later =
            Executors.newScheduledThreadPool(
                    2,
                    r -> {
                        Thread t = new Thread(r, "fake-slack-later");
                        t.setDaemon(true);
                        return t;
                    });

    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger mostWaiting = new AtomicInteger();

    /**
     * How a realistic Slack answers a call, decided when it arrives (under the fake's lock, so in
     * arrival order).
     */
    public interface Pacing {
        /**
         * @param faulted the call already gets a fault: it only needs a delay, and takes nothing
         *     from a rate limit
         */
        Pace arrive(String method, String token, boolean faulted);
    }

    /**
     * Answer after {@code delayNanos}; with {@code retryAfterSeconds > 0}, answer {@code 429} with
     * that {@code Retry-After} instead of the normal answer.
     */
    public record Pace(long delayNanos, int retryAfterSeconds) {}

    static {
        // The JDK server writes headers and body apart; with Nagle on, each answer waits ~40 ms for
        // an ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server closes keep-alive connections beyond 200 idle ones; with hundreds of
        // posts in flight those closes became failed (not retried) posts. Slack keeps them.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
    }

    /**
     * What {@code oauth.v2.access} answers for one authorization code: the workspace (or, for an
     * org-wide install, the Enterprise Grid organization) that approved the install, and its bot
     * token.
     */
    public record Grant(
            String teamId,
            String teamName,
            String enterpriseId,
            boolean enterpriseInstall,
            String botToken,
            String installerUserId) {
        public static Grant workspace(String teamId, String teamName, String botToken) {
            return new Grant(teamId, teamName, null, false, botToken, "U0ADMIN" + teamId);
        }

        public static Grant organization(String enterpriseId, String botToken) {
            return new Grant(null, null, enterpriseId, true, botToken, "U0ADMIN" + enterpriseId);
        }
    }

    public FakeSlack() {
        this(0, 16);
    }

    /**
     * On {@code port} (0: any free port) with {@code threads} server threads; benchmarks use more
     * threads.
     */
    public FakeSlack(int port, int threads) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.createContext("/response/", this::handle);
        server.createContext("/upload/", this::handle);
        server.setExecutor(
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "fake-slack");
                            t.setDaemon(true);
                            return t;
                        }));
        server.start();
    }

    /** What {@code SLACK_API_URL} should be to reach this fake. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A response_url as Slack puts in command and interaction payloads, pointing at this fake. */
    public String responseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/T0001/1/abc";
    }

    /** The next {@code times} calls of {@code method} get this fault. */
    public FakeSlack fail(String method, Fault fault, int times) {
        lock.lock();
        try {
            Deque<Fault> queue = faults.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(fault);
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Forgets every fault still queued or repeating, so one test's faults never reach the next. */
    public FakeSlack clearFaults() {
        lock.lock();
        try {
            faults.clear();
            everyNth.clear();
            everyNthFault.clear();
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * From now on, every {@code n}th call of {@code method} gets {@code fault} (n = 3: a third of
     * the calls).
     */
    public FakeSlack failEvery(String method, int n, Fault fault) {
        lock.lock();
        try {
            everyNth.put(method, n);
            everyNthFault.put(method, fault);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * From now on, {@code rule} decides each call of {@code method} from its number (1, 2, 3…): a
     * fault, or null for the normal answer. Benchmarks use it for mixes of 429s, 500s and timeouts.
     */
    public FakeSlack failWith(String method, java.util.function.IntFunction<Fault> rule) {
        lock.lock();
        try {
            faultRules.put(method, rule);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * From now on, answers as {@code pacing} says (null: at once, the default). Only Web API calls
     * are paced, not response_url posts or uploads.
     */
    public FakeSlack pace(Pacing pacing) {
        this.pacing = pacing;
        return this;
    }

    /** The most answers ever waiting at once for their delay (see {@link #pace}). */
    public int mostWaiting() {
        return mostWaiting.get();
    }

    /** Answers waiting for their delay now. */
    public int waiting() {
        return waiting.get();
    }

    /** Forgets every recorded call, count and fault: a benchmark's fresh start. */
    public FakeSlack reset() {
        lock.lock();
        try {
            calls.clear();
            callCounts.clear();
            faults.clear();
            faultRules.clear();
            everyNth.clear();
            everyNthFault.clear();
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * {@code oauth.v2.access} with this code installs as {@code grant} says; unknown codes get
     * {@code invalid_code}.
     */
    public FakeSlack grant(String code, Grant grant) {
        lock.lock();
        try {
            grants.put(code, grant);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** From now on, answer {@code method} with this JSON. */
    public FakeSlack answer(String method, String json) {
        lock.lock();
        try {
            answers.put(method, json);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * How {@code users.info} describes {@code id}. Users never described are people in {@link
     * #TEAM_ID} on {@code America/New_York}, so most tests need not bother.
     */
    public FakeSlack user(String id, String teamId, boolean bot, boolean deleted, String timeZone) {
        JsonObject user =
                JsonParser.parseString(SlackSamples.read("from-openapi-spec/users.info.ok.json"))
                        .getAsJsonObject()
                        .getAsJsonObject("user");
        user.addProperty("id", id);
        user.addProperty("team_id", teamId);
        user.addProperty("is_bot", bot);
        user.addProperty("deleted", deleted);
        user.addProperty("tz", timeZone);
        lock.lock();
        try {
            users.put(id, user);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * Adds profile facts to how {@code users.info} describes {@code id} (described with {@link
     * #user} first, or the default person): e.g. {@code "locale", "en-US"}. Slack sends {@code
     * locale} only with {@code include_locale=true}; this fake sends it whenever it is set.
     */
    public FakeSlack userField(String id, String field, String value) {
        lock.lock();
        try {
            JsonObject user = users.get(id);
            if (user == null) {
                user = defaultUser(id);
                users.put(id, user);
            }
            user.addProperty(field, value);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * The address {@code users.info} shows in {@code id}'s profile ({@code profile.email}, sent
     * only to apps with {@code users:read.email}).
     */
    public FakeSlack userEmail(String id, String email) {
        lock.lock();
        try {
            JsonObject user = users.get(id);
            if (user == null) {
                user = defaultUser(id);
                users.put(id, user);
            }
            JsonObject profile =
                    user.has("profile") ? user.getAsJsonObject("profile") : new JsonObject();
            profile.addProperty("email", email);
            user.add("profile", profile);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * An Enterprise Grid member: home workspace {@code teamId}, and member of every workspace in
     * {@code teams} ({@code enterprise_user.teams}, as {@code users.info} shows it on Grid).
     */
    public FakeSlack orgUser(String id, String teamId, String enterpriseId, List<String> teams) {
        user(id, teamId, false, false, "America/New_York");
        lock.lock();
        try {
            JsonObject enterprise = new JsonObject();
            enterprise.addProperty("id", id);
            enterprise.addProperty("enterprise_id", enterpriseId);
            enterprise.addProperty("enterprise_name", "Example Org");
            enterprise.addProperty("is_admin", false);
            enterprise.addProperty("is_owner", false);
            com.google.gson.JsonArray list = new com.google.gson.JsonArray();
            teams.forEach(list::add);
            enterprise.add("teams", list);
            users.get(id).add("enterprise_user", enterprise);
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** {@code users.info} answers {@code user_not_found} for this id. */
    public FakeSlack unknownUser(String id) {
        lock.lock();
        try {
            users.put(id, null);
        } finally {
            lock.unlock();
        }
        return this;
    }

    public List<Call> calls() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method)).toList();
    }

    /**
     * Waits (without sleeping) until {@code method} has been called {@code count} times; returns
     * those calls.
     */
    public List<Call> awaitCalls(String method, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<Call> matching =
                        calls.stream().filter(c -> c.method().equals(method)).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "Expected "
                                    + count
                                    + " calls of "
                                    + method
                                    + " within "
                                    + timeout
                                    + " but got "
                                    + matching.size()
                                    + "; all calls: "
                                    + calls);
                }
                called.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean answeredLater = false;
        try {
            String path = exchange.getRequestURI().getPath();
            // Replies through a slash command's or button's response_url are recorded as
            // "response_url".
            String method =
                    path.startsWith("/response/")
                            ? RESPONSE_URL
                            : path.startsWith("/upload/")
                                    ? FILE_UPLOAD
                                    : path.substring("/api/".length());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, String> params =
                    method.equals(FILE_UPLOAD)
                            ? Map.of("content", new String(body, StandardCharsets.UTF_8))
                            : params(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            String token =
                    auth != null && auth.startsWith("Bearer ")
                            ? auth.substring(7)
                            : params.get("token");
            if (auth != null && auth.startsWith("Basic ")) {
                // oauth.v2.access: the SDK sends the app's credentials as HTTP Basic; recorded as
                // the form fields Slack also accepts
                String[] credentials =
                        new String(
                                        java.util.Base64.getDecoder().decode(auth.substring(6)),
                                        StandardCharsets.UTF_8)
                                .split(":", 2);
                params = new LinkedHashMap<>(params);
                params.put("client_id", credentials[0]);
                params.put("client_secret", credentials.length > 1 ? credentials[1] : "");
            }
            Fault fault;
            String answer;
            long delay = 0;
            Pacing paced =
                    method.equals(RESPONSE_URL) || method.equals(FILE_UPLOAD) ? null : pacing;
            lock.lock();
            try {
                Deque<Fault> queue = faults.get(method);
                fault = queue == null ? null : queue.poll();
                int count = callCounts.merge(method, 1, Integer::sum);
                if (fault == null
                        && everyNth.containsKey(method)
                        && count % everyNth.get(method) == 0) {
                    fault = everyNthFault.get(method);
                }
                if (fault == null && faultRules.containsKey(method)) {
                    fault = faultRules.get(method).apply(count);
                }
                if (paced != null) {
                    Pace pace = paced.arrive(method, token, fault != null);
                    delay = Math.max(0, pace.delayNanos());
                    if (fault == null && pace.retryAfterSeconds() > 0) {
                        fault = new Fault.RateLimited(pace.retryAfterSeconds());
                    }
                }
                Instant now = Instant.now();
                calls.add(
                        new Call(
                                method,
                                params,
                                token,
                                now,
                                fault != null && !(fault instanceof Fault.Slow),
                                now.plusNanos(delay)));
                called.signalAll();
                answer =
                        answers.containsKey(method)
                                ? answers.get(method)
                                : defaultAnswer(method, params);
            } finally {
                lock.unlock();
            }
            if (delay > 0) {
                answerLater(exchange, method, fault, answer, delay);
                answeredLater = true;
            } else {
                respond(exchange, method, fault, answer);
            }
        } finally {
            if (!answeredLater) {
                exchange.close();
            }
        }
    }

    /**
     * The JDK server lets an exchange be completed by any thread after its handler returned: the
     * connection stays open until {@link HttpExchange#close}, and no server thread waits.
     */
    private void answerLater(
            HttpExchange exchange, String method, Fault fault, String answer, long delayNanos) {
        int now = waiting.incrementAndGet();
        mostWaiting.accumulateAndGet(now, Math::max);
        later.schedule(
                () -> {
                    try {
                        respond(exchange, method, fault, answer);
                    } catch (IOException | RuntimeException e) {
                        // the client gave up (closed its connection): nothing to answer
                    } finally {
                        exchange.close();
                        waiting.decrementAndGet();
                    }
                },
                delayNanos,
                TimeUnit.NANOSECONDS);
    }

    private void respond(HttpExchange exchange, String method, Fault fault, String answer)
            throws IOException {
        if (fault instanceof Fault.DropConnection) {
            // Closing an exchange before any response header closes its connection (JDK
            // HttpServer).
            exchange.close();
            return;
        }
        if (fault instanceof Fault.Slow slow) {
            try {
                TimeUnit.MILLISECONDS.sleep(
                        slow.delay().toMillis()); // simulating a slow Slack, not waiting on a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault instanceof Fault.Timeout t) {
            try {
                TimeUnit.MILLISECONDS.sleep(
                        t.delay().toMillis()); // simulating a hanging Slack, not waiting on a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 503, "{\"ok\":false,\"error\":\"timeout\"}");
        } else if (fault instanceof Fault.RateLimited r) {
            exchange.getResponseHeaders()
                    .add("Retry-After", Integer.toString(r.retryAfterSeconds()));
            send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
        } else if (fault instanceof Fault.ServerError e) {
            send(exchange, e.status(), "<html>Slack is having trouble</html>");
        } else if (fault instanceof Fault.ApiError e) {
            send(exchange, 200, "{\"ok\":false,\"error\":\"" + e.error() + "\"}");
        } else {
            send(exchange, 200, answer != null ? answer : SlackSamples.okResponse(method));
        }
    }

    /**
     * Answers that depend on the request; null for Slack's example answer. Called under the lock.
     */
    private String defaultAnswer(String method, Map<String, String> params) {
        return switch (method) {
            case "users.info" -> usersInfo(params.get("user"));
            case "files.getUploadURLExternal" ->
                    "{\"ok\":true,\"file_id\":\"F0EXPORT\",\"upload_url\":\"http://127.0.0.1:"
                            + server.getAddress().getPort()
                            + "/upload/F0EXPORT\"}";
            case "files.completeUploadExternal" ->
                    "{\"ok\":true,\"files\":[{\"id\":\"F0EXPORT\",\"title\":\"export\"}]}";
            case FILE_UPLOAD, RESPONSE_URL -> "{\"ok\":true}";
            // A WebSocket URL nobody listens on: enough to see the app ask for a Socket Mode
            // connection.
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"ws://127.0.0.1:9/link\"}";
            case "oauth.v2.access" -> oauthV2Access(params.get("code"));
            default -> null;
        };
    }

    /**
     * Slack's example answer (slack-samples/superset) filled in as a real install answers. Called
     * under the lock.
     */
    private String oauthV2Access(String code) {
        Grant grant = grants.get(code);
        if (grant == null) {
            return "{\"ok\":false,\"error\":\"invalid_code\"}";
        }
        JsonObject json =
                JsonParser.parseString(SlackSamples.read("superset/oauth.v2.access.json"))
                        .getAsJsonObject();
        for (String absent :
                List.of(
                        "warning",
                        "error",
                        "needed",
                        "provided",
                        "refresh_token",
                        "expires_in",
                        "incoming_webhook")) {
            json.remove(absent);
        }
        json.addProperty("ok", true);
        json.addProperty("app_id", "A0BOSSREVIEW");
        json.addProperty(
                "scope", "commands,chat:write,im:write,users:read,users:read.email,files:write");
        json.addProperty("token_type", "bot");
        json.addProperty("access_token", grant.botToken());
        json.addProperty(
                "bot_user_id",
                "UBOT" + (grant.enterpriseInstall() ? grant.enterpriseId() : grant.teamId()));
        JsonObject authedUser = new JsonObject();
        authedUser.addProperty("id", grant.installerUserId());
        json.add("authed_user", authedUser);
        if (grant.teamId() == null) {
            json.add("team", com.google.gson.JsonNull.INSTANCE);
        } else {
            JsonObject team = new JsonObject();
            team.addProperty("id", grant.teamId());
            team.addProperty("name", grant.teamName());
            json.add("team", team);
        }
        if (grant.enterpriseId() == null) {
            json.add("enterprise", com.google.gson.JsonNull.INSTANCE);
        } else {
            JsonObject enterprise = new JsonObject();
            enterprise.addProperty("id", grant.enterpriseId());
            enterprise.addProperty("name", "Org " + grant.enterpriseId());
            json.add("enterprise", enterprise);
        }
        json.addProperty("is_enterprise_install", grant.enterpriseInstall());
        return json.toString();
    }

    /** Called under the lock. */
    private String usersInfo(String id) {
        if (users.containsKey(id) && users.get(id) == null) {
            return "{\"ok\":false,\"error\":\"user_not_found\"}";
        }
        JsonObject user = users.get(id);
        if (user == null) {
            user = defaultUser(id);
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("ok", true);
        answer.add("user", user);
        return answer.toString();
    }

    private static JsonObject defaultUser(String id) {
        JsonObject user =
                JsonParser.parseString(SlackSamples.read("from-openapi-spec/users.info.ok.json"))
                        .getAsJsonObject()
                        .getAsJsonObject("user");
        user.addProperty("id", id);
        user.addProperty("team_id", TEAM_ID);
        user.addProperty("tz", "America/New_York");
        return user;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> params(String contentType, byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("application/json")) {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            json.entrySet()
                    .forEach(
                            e ->
                                    params.put(
                                            e.getKey(),
                                            e.getValue().isJsonPrimitive()
                                                    ? e.getValue().getAsString()
                                                    : e.getValue().toString()));
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        later.shutdownNow();
    }
}
