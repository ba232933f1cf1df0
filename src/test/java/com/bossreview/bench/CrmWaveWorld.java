package com.bossreview.bench;

import com.bossreview.calendar.SlackButtons;
import com.bossreview.crm.CrmCommands;
import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link CrmSyncWave}'s world: a fake Slack, Salesforce and HubSpot (each account its own org), the
 * app, and N managers, each with a boss, a CRM org of their own (themselves + {@link #REPS} reps
 * they manage; HubSpot: one team) and D deals over the reps, connected through the real OAuth flow:
 * even managers to Salesforce, odd ones to HubSpot. Deals are derived from (manager, deal index),
 * so a change can be made without keeping them.
 */
final class CrmWaveWorld implements AutoCloseable {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final int REPS = 4;
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");
    static final LocalDate THIS_QUARTER = LocalDate.parse("2026-12-01");
    static final LocalDate NEXT_QUARTER = LocalDate.parse("2027-01-20");

    final int managers;
    final int deals;
    final FakeSlack slack = new FakeSlack(0, 32);
    final FakeSalesforce salesforce = new FakeSalesforce().orgPerAccount();
    final FakeHubSpot hubspot = new FakeHubSpot().orgPerAccount();
    final MutableClock clock = new MutableClock(MONDAY);
    final TestApp app;

    /** A news deal's name → when it changed (clock time), to tell change-to-DM latency. */
    final Map<String, Instant> newsChangedAt = new HashMap<>();

    CrmWaveWorld(int managers, int deals) {
        this.managers = managers;
        this.deals = deals;
        this.app =
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
    }

    static String manager(int i) {
        return String.format("UM%06d", i);
    }

    static String email(int i) {
        return "m" + i + "@org" + i + ".test";
    }

    static boolean onSalesforce(int i) {
        return i % 2 == 0;
    }

    /** The CRM user id of manager {@code i} ({@code rep} -1) or of their rep. */
    static String owner(int i, int rep) {
        return onSalesforce(i)
                ? String.format("005M%06dR%d", i, rep + 1)
                : Long.toString(1_000_000L * (i + 1) + rep + 1);
    }

    static String dealId(int i, int j) {
        return onSalesforce(i)
                ? String.format("006M%06dD%04d", i, j)
                : Long.toString(100_000L * (i + 1) + j);
    }

    static String dealName(int i, int j) {
        return "Acct " + i + "-" + j;
    }

    /** 10k–200k in thousands; the deals that will be news (0–2) at least 60k. */
    static BigDecimal amount(int i, int j) {
        long h = Math.floorMod((i * 7919L + j * 104_729L + 17) * 2_654_435_761L, 1_000_003L);
        long k = j < 3 ? 60 + h % 141 : 10 + h % 191;
        return BigDecimal.valueOf(k * 1000);
    }

    static LocalDate closeDate(int j) {
        return THIS_QUARTER.plusDays(j % 30);
    }

    /** The Slack side, the managers' rows and every org with its deals, as they stand. */
    void seed() {
        for (int i = 0; i < managers; i++) {
            slack.userField(manager(i), "is_admin", "false").userEmail(manager(i), email(i));
            String org = "org" + i;
            if (onSalesforce(i)) {
                salesforce.addOrgUser(org, owner(i, -1), email(i), null, true);
            } else {
                hubspot.addOrgOwner(org, owner(i, -1), email(i), "t" + i);
            }
            for (int r = 0; r < REPS; r++) {
                String rep = "rep" + r + "@org" + i + ".test";
                if (onSalesforce(i)) {
                    salesforce.addOrgUser(org, owner(i, r), rep, owner(i, -1), true);
                } else {
                    hubspot.addOrgOwner(org, owner(i, r), rep, "t" + i);
                }
            }
            Instant created = MONDAY.minus(Duration.ofDays(3));
            for (int j = 0; j < deals; j++) {
                boolean commit = j % 4 == 0;
                put(i, j, amount(i, j), closeDate(j), false, false, commit, created.plusSeconds(j));
            }
        }
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            var batch =
                                    h.prepareBatch(
                                            "INSERT INTO manager (team_id, user_id, boss_user_id,"
                                                    + " time_zone, zone_checked_at, created_at)"
                                                    + " VALUES (?, ?, ?, 'America/New_York', ?, ?)");
                            for (int i = 0; i < managers; i++) {
                                batch.add(
                                        TEAM,
                                        manager(i),
                                        String.format("UB%06d", i),
                                        MONDAY,
                                        MONDAY);
                            }
                            batch.execute();
                        });
    }

    private void put(
            int i,
            int j,
            BigDecimal amount,
            LocalDate close,
            boolean closed,
            boolean won,
            boolean commit,
            Instant when) {
        String owner = owner(i, j % REPS);
        if (onSalesforce(i)) {
            String stage = closed ? (won ? "Closed Won" : "Closed Lost") : stage(j, when);
            String category =
                    closed ? (won ? "Closed" : "Omitted") : commit ? "Commit" : "Pipeline";
            salesforce.put(
                    new FakeSalesforce.Opportunity(
                            dealId(i, j),
                            dealName(i, j),
                            owner,
                            amount,
                            "USD",
                            close,
                            stage,
                            closed,
                            won,
                            category,
                            when));
        } else {
            String stage = closed ? (won ? "closedwon" : "closedlost") : stage(j, when);
            String category = closed ? null : commit ? "COMMIT" : "PIPELINE";
            hubspot.putDeal(
                    dealId(i, j),
                    dealName(i, j),
                    owner,
                    amount,
                    "USD",
                    close,
                    stage,
                    closed,
                    won,
                    category,
                    when);
        }
    }

    /** The stage a deal is in: one further on after its change. */
    private static String stage(int j, Instant when) {
        int moved = when.isBefore(MONDAY) ? 0 : 1;
        return List.of("prospecting", "qualification", "proposal", "negotiation")
                .get((j + moved) % 4);
    }

    /**
     * Every manager connects their CRM as a person does: {@code connect crm}, the provider's
     * consent page, the callback; {@code parallel} at a time. Returns how many got "connected".
     */
    int connectAll(int parallel) throws Exception {
        SlackRequests requests = app.slack();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < managers; i++) {
            int m = i;
            done.add(pool.submit(() -> connect(requests, m)));
        }
        int ok = 0;
        for (Future<Integer> f : done) {
            ok += f.get();
        }
        pool.shutdown();
        return ok;
    }

    /** One manager connected; a command or callback that timed out (a busy box) is tried again. */
    private int connect(SlackRequests requests, int i) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return connectOnce(requests, i);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                if (attempt == 3) {
                    System.out.printf("manager %d not connected: %s%n", i, e);
                    return 0;
                }
            }
        }
    }

    private int connectOnce(SlackRequests requests, int i) throws Exception {
        HttpResponse<String> ack = requests.command(TEAM, manager(i), "connect crm");
        FakeOAuthServer provider = onSalesforce(i) ? salesforce : hubspot;
        String button =
                onSalesforce(i) ? CrmCommands.CONNECT_SALESFORCE : CrmCommands.CONNECT_HUBSPOT;
        URI back = provider.consent(URI.create(SlackButtons.url(ack.body(), button)), email(i));
        int status = app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode();
        return status == 200 ? 1 : 0;
    }

    /**
     * Every deal of every manager changes, from {@code at} on over a minute: deal 0 slips to next
     * quarter, 1 is lost, 2 is won (news, all above the 50k threshold); the others move a stage on
     * and grow 2 % (not news).
     */
    void changeAll(Instant at) {
        for (int i = 0; i < managers; i++) {
            for (int j = 0; j < deals; j++) {
                Instant when = at.plusSeconds(j % 50);
                BigDecimal amount = amount(i, j);
                boolean commit = j % 4 == 0;
                switch (j) {
                    case 0 -> put(i, j, amount, NEXT_QUARTER, false, false, commit, when);
                    case 1 -> put(i, j, amount, closeDate(j), true, false, commit, when);
                    case 2 -> put(i, j, amount, closeDate(j), true, true, commit, when);
                    default ->
                            put(
                                    i,
                                    j,
                                    amount.multiply(new BigDecimal("1.02")),
                                    closeDate(j),
                                    false,
                                    false,
                                    commit,
                                    when);
                }
                if (j < 3) {
                    newsChangedAt.put(dealName(i, j), when);
                }
            }
        }
    }

    @Override
    public void close() {
        app.close();
        hubspot.close();
        salesforce.close();
        slack.close();
    }
}
