package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.calendar.SlackButtons;
import com.bossreview.news.NewsViews;
import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, step 3: a change to a deal of a manager's rep, made in the fake Salesforce or HubSpot,
 * reaches the manager as drafted news in a DM within one sync, once: across a restart, with two
 * instances syncing at once, and after a rate limit put the connection off.
 */
@ExtendWith(TestDatabase.class)
class CrmSyncFlowTest {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String BOSS = "U0BOSS";
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");
    static final LocalDate THIS_QUARTER = LocalDate.parse("2026-12-15");
    static final LocalDate NEXT_QUARTER = LocalDate.parse("2027-01-20");

    FakeSlack slack;
    FakeSalesforce salesforce;
    FakeHubSpot hubspot;
    MutableClock clock;
    final List<TestApp> apps = new ArrayList<>();
    Jdbi jdbi;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        salesforce = new FakeSalesforce();
        hubspot = new FakeHubSpot();
        clock = new MutableClock(MONDAY);
        slack.userField(ME, "is_admin", "false").userEmail(ME, "ann@acme.test");
        salesforce.addUser("005ANN", "ann@acme.test", null, true);
        salesforce.addUser("005BOB", "bob@acme.test", "005ANN", true);
        salesforce.addUser("005EVE", "eve@acme.test", null, true); // not Ann's
        hubspot.addOwner("101", "ann@acme.test", "7");
        hubspot.addOwner("102", "bob@acme.test", "7");
        hubspot.addOwner("103", "eve@acme.test", "8");
    }

    @AfterEach
    void stop() {
        apps.forEach(TestApp::close);
        hubspot.close();
        salesforce.close();
        slack.close();
    }

    private TestApp app() {
        TestApp app =
                TestApp.start(
                        slack,
                        clock,
                        Map.of(
                                "SALESFORCE_CLIENT_ID", FakeSalesforce.CLIENT_ID,
                                "SALESFORCE_CLIENT_SECRET", FakeSalesforce.CLIENT_SECRET,
                                "SALESFORCE_LOGIN_URL", salesforce.url(),
                                "HUBSPOT_CLIENT_ID", FakeHubSpot.CLIENT_ID,
                                "HUBSPOT_CLIENT_SECRET", FakeHubSpot.CLIENT_SECRET,
                                "HUBSPOT_API_URL", hubspot.url(),
                                "HUBSPOT_OAUTH_URL", hubspot.authorizeUrl(),
                                "BOSSREVIEW_PUBLIC_URL", "https://bossreview.test",
                                "BOSSREVIEW_ENCRYPTION_KEY", TestApp.ENCRYPTION_KEY));
        apps.add(app);
        jdbi = TestDatabase.database().jdbi();
        return app;
    }

    /** Ann, a manager with a boss, connects {@code provider} herself; the first sync's baseline. */
    private TestApp connected(FakeOAuthServer provider, String button) throws Exception {
        TestApp app = app();
        manager(ME);
        HttpResponse<String> ack = app.slack().command(TEAM, ME, "connect crm");
        URI back =
                provider.consent(URI.create(SlackButtons.url(ack.body(), button)), "ann@acme.test");
        assertThat(app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode())
                .isEqualTo(200);
        slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10)); // "connected"
        assertThat(sync(app)).isEqualTo(1);
        assertThat(news()).isEmpty();
        return app;
    }

    private void manager(String user) {
        jdbi.useHandle(
                h ->
                        h.execute(
                                """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                                TEAM,
                                user,
                                BOSS,
                                MONDAY,
                                MONDAY));
    }

    private TestApp salesforceConnected() throws Exception {
        return connected(salesforce, CrmCommands.CONNECT_SALESFORCE);
    }

    private static int sync(TestApp app) {
        return app.crmSync().orElseThrow().runOnce();
    }

    /** A sync interval on, past the settle time of what changed meanwhile: the next sync. */
    private int nextSync(TestApp app) {
        clock.advance(Duration.ofMinutes(10));
        return sync(app);
    }

    /** The DMs with drafted CRM news, in order. */
    private List<FakeSlack.Call> news() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("text").contains(" — "))
                .toList();
    }

    private FakeSalesforce.Opportunity acme(String amount, LocalDate close, Instant when) {
        return salesforce.put(
                new FakeSalesforce.Opportunity(
                        "006ACME",
                        "Acme",
                        "005BOB",
                        new BigDecimal(amount),
                        "USD",
                        close,
                        "Negotiation",
                        false,
                        false,
                        "Commit",
                        when));
    }

    private FakeSalesforce.Opportunity closed(
            FakeSalesforce.Opportunity o, boolean won, Instant when) {
        return salesforce.put(
                new FakeSalesforce.Opportunity(
                        o.id(),
                        o.name(),
                        o.ownerId(),
                        o.amount(),
                        o.currency(),
                        o.closeDate(),
                        won ? "Closed Won" : "Closed Lost",
                        true,
                        won,
                        won ? "Closed" : "Omitted",
                        when));
    }

    private int newsItems() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT count(*) FROM news WHERE user_id = :u")
                                .bind("u", ME)
                                .mapTo(Integer.class)
                                .one());
    }

    @Test
    void a_slipped_deal_reaches_the_manager_as_drafted_bad_news_once() throws Exception {
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        TestApp app = salesforceConnected();

        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));
        assertThat(nextSync(app)).isEqualTo(1);

        List<FakeSlack.Call> dms = news();
        assertThat(dms).hasSize(1);
        assertThat(dms.get(0).param("channel")).isEqualTo(ME);
        assertThat(dms.get(0).param("text"))
                .isEqualTo("Acme — $120k — slipped to Q1. Tell <@U0BOSS> now?");
        assertThat(dms.get(0).json("blocks"))
                .contains(NewsViews.SHARE_BAD_NEWS, NewsViews.TOLD_BOSS, NewsViews.DISMISS_NEWS);
        assertThat(newsItems()).isEqualTo(1);
        assertThat(app.get("/metrics").body())
                .containsPattern("crm_news_latency_seconds_count 1(\\.0)?\\n");

        nextSync(app);
        assertThat(news()).hasSize(1);
        assertThat(newsItems()).isEqualTo(1);
    }

    @Test
    void a_read_repeated_after_a_restart_drafts_nothing_twice() throws Exception {
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        TestApp app = salesforceConnected();
        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news()).hasSize(1);

        // as if the instance died before the watermark moved: the same changes are read again,
        // by another instance on the same database
        app.close();
        apps.remove(app);
        jdbi.useHandle(
                h ->
                        h.execute(
                                "UPDATE crm_connection SET watermark_at = ?, watermark_id = '',"
                                        + " next_sync_at = ?",
                                MONDAY,
                                MONDAY));
        TestApp again = app();
        assertThat(nextSync(again)).isEqualTo(1);
        assertThat(news()).hasSize(1);
        assertThat(newsItems()).isEqualTo(1);
    }

    @Test
    void two_instances_syncing_at_once_tell_it_once() throws Exception {
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        TestApp one = salesforceConnected();
        TestApp two = app();
        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));
        clock.advance(Duration.ofMinutes(10));

        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Integer> a =
                CompletableFuture.supplyAsync(() -> awaitThen(together, one));
        CompletableFuture<Integer> b =
                CompletableFuture.supplyAsync(() -> awaitThen(together, two));

        assertThat(a.get() + b.get()).isEqualTo(1);
        assertThat(news()).hasSize(1);
        assertThat(newsItems()).isEqualTo(1);
    }

    private static int awaitThen(CyclicBarrier barrier, TestApp app) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sync(app);
    }

    @Test
    void a_lost_deal_a_cut_and_a_win_are_told_and_a_small_deal_is_not() throws Exception {
        FakeSalesforce.Opportunity acme =
                acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        FakeSalesforce.Opportunity globex =
                salesforce.put(
                        new FakeSalesforce.Opportunity(
                                "006GLOBEX",
                                "Globex",
                                "005ANN",
                                new BigDecimal("200000"),
                                "EUR",
                                THIS_QUARTER,
                                "Proposal",
                                false,
                                false,
                                "Best Case",
                                MONDAY.minus(Duration.ofDays(2))));
        FakeSalesforce.Opportunity small =
                salesforce.put(
                        new FakeSalesforce.Opportunity(
                                "006SMALL",
                                "Initech",
                                "005BOB",
                                new BigDecimal("40000"),
                                "USD",
                                THIS_QUARTER,
                                "Proposal",
                                false,
                                false,
                                "Pipeline",
                                MONDAY.minus(Duration.ofDays(2))));
        FakeSalesforce.Opportunity others =
                salesforce.put(
                        new FakeSalesforce.Opportunity(
                                "006EVE",
                                "Umbrella",
                                "005EVE",
                                new BigDecimal("900000"),
                                "USD",
                                THIS_QUARTER,
                                "Proposal",
                                false,
                                false,
                                "Pipeline",
                                MONDAY.minus(Duration.ofDays(2))));
        TestApp app = salesforceConnected();
        Instant soon = clock.instant().plusSeconds(60);

        salesforce.put(globex.changed(new BigDecimal("150000"), "Proposal", THIS_QUARTER, soon));
        closed(small, false, soon);
        closed(others, false, soon);
        nextSync(app);
        assertThat(news())
                .extracting(c -> c.param("text"))
                .containsExactly("Globex — €150k — cut from €200k. Tell <@U0BOSS> now?");

        closed(acme, false, clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news().getLast().param("text"))
                .isEqualTo("Acme — $120k — closed lost. Tell <@U0BOSS> now?");

        salesforce.put(
                new FakeSalesforce.Opportunity(
                        "006GLOBEX",
                        "Globex",
                        "005ANN",
                        new BigDecimal("150000"),
                        "EUR",
                        THIS_QUARTER,
                        "Closed Won",
                        true,
                        true,
                        "Closed",
                        clock.instant().plusSeconds(60)));
        nextSync(app);
        assertThat(news().getLast().param("text"))
                .isEqualTo("Globex — €150k — closed won. Share it with <@U0BOSS>?");
        assertThat(news().getLast().json("blocks")).contains(NewsViews.SHARE_GOOD_NEWS);
        assertThat(news()).hasSize(3);
        assertThat(newsItems()).isEqualTo(3);
    }

    @Test
    void a_rate_limit_puts_the_connection_off_and_the_change_comes_later() throws Exception {
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        TestApp app = salesforceConnected();
        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));

        salesforce.failNext(1, new FakeOAuthServer.Failure.RateLimited(0), "/services/data/");
        assertThat(nextSync(app)).isEqualTo(1);
        assertThat(news()).isEmpty();
        Instant next =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT next_sync_at FROM crm_connection")
                                        .mapTo(Instant.class)
                                        .one());
        assertThat(next).isAfter(clock.instant());
        assertThat(sync(app)).isZero(); // put off

        clock.set(next);
        assertThat(sync(app)).isEqualTo(1);
        assertThat(news())
                .extracting(c -> c.param("text"))
                .containsExactly("Acme — $120k — slipped to Q1. Tell <@U0BOSS> now?");
    }

    @Test
    void an_expired_access_token_is_refreshed_and_a_refused_refresh_is_told_once()
            throws Exception {
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        TestApp app = salesforceConnected();
        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));
        salesforce.expireAccessTokens();
        nextSync(app);
        assertThat(news()).hasSize(1); // 401, refreshed, read

        salesforce.revokeConsent("ann@acme.test");
        salesforce.expireAccessTokens();
        int before = slack.calls("chat.postMessage").size();
        nextSync(app);
        nextSync(app);
        List<FakeSlack.Call> after =
                slack.calls("chat.postMessage")
                        .subList(before, slack.calls("chat.postMessage").size());
        assertThat(after).hasSize(1);
        assertThat(after.get(0).param("text")).contains("stopped working", "connect crm");
        boolean revoked =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT revoked_at IS NOT NULL FROM crm_connection")
                                        .mapTo(Boolean.class)
                                        .one());
        assertThat(revoked).isTrue();
    }

    @Test
    void a_won_deal_in_hubspot_of_a_rep_in_the_managers_team_is_good_news() throws Exception {
        hubspot.putDeal(
                "9001",
                "Hooli",
                "102",
                new BigDecimal("80000"),
                "USD",
                THIS_QUARTER,
                "contractsent",
                false,
                false,
                null,
                MONDAY.minus(Duration.ofDays(1)));
        hubspot.putDeal(
                "9002",
                "Vandelay",
                "103",
                new BigDecimal("80000"),
                "USD",
                THIS_QUARTER,
                "contractsent",
                false,
                false,
                null,
                MONDAY.minus(Duration.ofDays(1)));
        TestApp app = connected(hubspot, CrmCommands.CONNECT_HUBSPOT);
        Instant soon = clock.instant().plusSeconds(60);
        for (String[] d : new String[][] {{"9001", "Hooli", "102"}, {"9002", "Vandelay", "103"}}) {
            hubspot.putDeal(
                    d[0],
                    d[1],
                    d[2],
                    new BigDecimal("80000"),
                    "USD",
                    THIS_QUARTER,
                    "closedwon",
                    true,
                    true,
                    null,
                    soon);
        }
        nextSync(app);
        assertThat(news())
                .extracting(c -> c.param("text"))
                .containsExactly("Hooli — $80k — closed won. Share it with <@U0BOSS>?");
    }

    @Test
    void a_workspace_connection_serves_each_manager_with_their_own_reps() throws Exception {
        String admin = "U0ADMIN";
        String other = "U0OTHER";
        slack.userField(admin, "is_admin", "true").userField(admin, "is_owner", "false");
        slack.userEmail(admin, "it@acme.test");
        slack.userField(other, "is_admin", "false").userEmail(other, "eve@acme.test");
        salesforce.addUser("005DAN", "dan@acme.test", "005EVE", true);
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        FakeSalesforce.Opportunity dans =
                salesforce.put(
                        new FakeSalesforce.Opportunity(
                                "006DAN",
                                "Stark",
                                "005DAN",
                                new BigDecimal("300000"),
                                "USD",
                                THIS_QUARTER,
                                "Proposal",
                                false,
                                false,
                                "Commit",
                                MONDAY.minus(Duration.ofDays(3))));
        TestApp app = app();
        manager(ME);
        manager(other);
        int replies = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().command(TEAM, admin, "connect crm workspace");
        String blocks =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, replies + 1, Duration.ofSeconds(10))
                        .get(replies)
                        .json("blocks");
        URI back =
                salesforce.consent(
                        URI.create(SlackButtons.url(blocks, CrmCommands.CONNECT_SALESFORCE)),
                        "it@acme.test");
        assertThat(app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode())
                .isEqualTo(200);
        assertThat(sync(app)).isEqualTo(1);
        assertThat(news()).isEmpty();

        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));
        closed(dans, false, clock.instant().plusSeconds(60));
        nextSync(app);

        assertThat(news())
                .extracting(c -> c.param("channel") + ": " + c.param("text"))
                .containsExactlyInAnyOrder(
                        ME + ": Acme — $120k — slipped to Q1. Tell <@U0BOSS> now?",
                        other + ": Stark — $300k — closed lost. Tell <@U0BOSS> now?");
    }

    @Test
    void a_deal_below_the_managers_own_threshold_is_not_news() throws Exception {
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        TestApp app = salesforceConnected();
        assertThat(
                        com.bossreview.support.SlackRequests.text(
                                app.slack().command(TEAM, ME, "settings crm-threshold 150k")))
                .contains("deals of 150k or more");
        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news()).isEmpty();

        app.slack().command(TEAM, ME, "settings crm-threshold 100k");
        acme("90000", NEXT_QUARTER.plusDays(1), clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news())
                .extracting(c -> c.param("text"))
                .containsExactly("Acme — $90k — cut from $120k. Tell <@U0BOSS> now?");
    }

    @Test
    void news_stored_by_an_instance_that_died_before_telling_is_told_once_after_a_restart()
            throws Exception {
        acme("120000", THIS_QUARTER, MONDAY.minus(Duration.ofDays(3)));
        TestApp app = salesforceConnected();
        acme("120000", NEXT_QUARTER, clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news()).hasSize(1);

        // as if it died after storing the deal and its news, before drafting, telling and
        // moving the watermark: the snapshot already equals the re-read deal
        app.close();
        apps.remove(app);
        jdbi.useHandle(
                h -> {
                    h.execute("DELETE FROM news");
                    h.execute("UPDATE crm_deal_news SET news_id = NULL, dm_at = NULL");
                    h.execute(
                            "UPDATE crm_connection SET watermark_at = ?, watermark_id = '',"
                                    + " next_sync_at = ?",
                            MONDAY,
                            MONDAY);
                });
        TestApp again = app();
        nextSync(again);
        nextSync(again);
        assertThat(news()).hasSize(2); // the first instance's DM, and this one's
        assertThat(news().getLast().param("text"))
                .isEqualTo("Acme — $120k — slipped to Q1. Tell <@U0BOSS> now?");
        assertThat(newsItems()).isEqualTo(1);
    }

    private FakeSalesforce.Opportunity eves(String id, String name, Instant when) {
        return eves(id, name, THIS_QUARTER, when);
    }

    private FakeSalesforce.Opportunity eves(String id, String name, LocalDate close, Instant when) {
        return salesforce.put(
                new FakeSalesforce.Opportunity(
                        id,
                        name,
                        "005EVE",
                        new BigDecimal("150000"),
                        "USD",
                        close,
                        "Negotiation",
                        false,
                        false,
                        "Commit",
                        when));
    }

    @Test
    void a_crm_user_named_in_crm_owners_is_watched_beside_the_team_until_cleared()
            throws Exception {
        FakeSalesforce.Opportunity wayne = eves("006WAYNE", "Wayne", MONDAY.minusSeconds(600));
        FakeSalesforce.Opportunity stark = eves("006STARK", "Stark", MONDAY.minusSeconds(600));
        TestApp app = salesforceConnected();

        // Slack escapes an e-mail typed in a command (should_escape) as a mailto link
        String reply =
                app.slack()
                        .command(
                                TEAM,
                                ME,
                                "settings crm-owners <mailto:eve@acme.test|eve@acme.test>")
                        .body();
        assertThat(reply).contains("eve@acme.test as well as your team");
        nextSync(app); // Eve's deals read as they stand first: nothing in them is news
        assertThat(news()).isEmpty();

        // so a slip of hers is news (compared with what the deal was), not a deal first seen
        eves(wayne.id(), wayne.name(), NEXT_QUARTER, clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news())
                .extracting(c -> c.param("text"))
                .containsExactly("Wayne — $150k — slipped to Q1. Tell <@U0BOSS> now?");
        closed(stark, false, clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news()).hasSize(2);
        assertThat(news().getLast().param("text"))
                .isEqualTo("Stark — $150k — closed lost. Tell <@U0BOSS> now?");

        assertThat(app.slack().command(TEAM, ME, "settings crm-owners none").body())
                .contains("CRM deals only");
        FakeSalesforce.Opportunity umbrella =
                eves("006UMBRELLA", "Umbrella", clock.instant().plusSeconds(60));
        nextSync(app);
        closed(umbrella, false, clock.instant().plusSeconds(60));
        nextSync(app);
        assertThat(news()).hasSize(2);
    }

    @Test
    void a_crm_owners_list_that_does_not_parse_changes_nothing() throws Exception {
        TestApp app = salesforceConnected();
        assertThat(app.slack().command(TEAM, ME, "settings crm-owners , ,").body())
                .contains("Give one or more, separated by commas");
        String stored =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT crm_owners FROM manager WHERE user_id = :u")
                                        .bind("u", ME)
                                        .mapTo(String.class)
                                        .one());
        assertThat(stored).isNull();
    }

    @Test
    void the_team_is_read_from_the_crm_once_an_hour_and_again_when_the_owners_change()
            throws Exception {
        TestApp app = salesforceConnected();
        int reads = userReads();
        nextSync(app);
        nextSync(app);
        assertThat(userReads()).isEqualTo(reads); // the team found at the baseline is kept

        app.slack().command(TEAM, ME, "settings crm-owners 005EVE");
        nextSync(app);
        assertThat(userReads()).isEqualTo(reads + 1);

        clock.advance(WatchedOwners.REFRESH);
        nextSync(app);
        assertThat(userReads()).isEqualTo(reads + 2);
    }

    private int userReads() {
        return (int)
                salesforce.requests("GET", "/query").stream()
                        .filter(r -> r.query("q").contains("FROM User"))
                        .count();
    }
}
