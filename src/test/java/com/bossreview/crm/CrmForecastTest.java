package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.calendar.SlackButtons;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, step 4: the forecast follows the CRM's commit. Each sync after the baseline records the
 * team's Commit deals and deals won in the quarter as the manager's figure (once per change), and a
 * lower one than the boss was told gets the downgrade DM and reminders a typed lower figure gets.
 */
@ExtendWith(TestDatabase.class)
class CrmForecastTest {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String BOSS = "U0BOSS";
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");
    static final LocalDate THIS_QUARTER = LocalDate.parse("2026-12-15");
    static final LocalDate NEXT_QUARTER = LocalDate.parse("2027-01-20");
    static final Instant BEFORE = MONDAY.minus(Duration.ofDays(3));

    FakeSlack slack;
    FakeSalesforce salesforce;
    MutableClock clock;
    TestApp app;
    Jdbi jdbi;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        salesforce = new FakeSalesforce();
        clock = new MutableClock(MONDAY);
        slack.userField(ME, "is_admin", "false").userEmail(ME, "ann@acme.test");
        salesforce.addUser("005ANN", "ann@acme.test", null, true);
        salesforce.addUser("005BOB", "bob@acme.test", "005ANN", true);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        salesforce.close();
        slack.close();
    }

    /** Ann connects Salesforce; the first sync reads her team's deals as they stand. */
    private void connected() throws Exception {
        app =
                TestApp.start(
                        slack,
                        clock,
                        Map.of(
                                "SALESFORCE_CLIENT_ID", FakeSalesforce.CLIENT_ID,
                                "SALESFORCE_CLIENT_SECRET", FakeSalesforce.CLIENT_SECRET,
                                "SALESFORCE_LOGIN_URL", salesforce.url(),
                                "HUBSPOT_CLIENT_ID", FakeHubSpot.CLIENT_ID,
                                "HUBSPOT_CLIENT_SECRET", FakeHubSpot.CLIENT_SECRET,
                                "BOSSREVIEW_PUBLIC_URL", "https://bossreview.test",
                                "BOSSREVIEW_ENCRYPTION_KEY", TestApp.ENCRYPTION_KEY));
        jdbi = TestDatabase.database().jdbi();
        jdbi.useHandle(
                h ->
                        h.execute(
                                """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                                TEAM,
                                ME,
                                BOSS,
                                MONDAY,
                                MONDAY));
        URI back =
                salesforce.consent(
                        URI.create(
                                SlackButtons.url(
                                        app.slack().command(TEAM, ME, "connect crm").body(),
                                        CrmCommands.CONNECT_SALESFORCE)),
                        "ann@acme.test");
        assertThat(app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode())
                .isEqualTo(200);
        slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10));
        assertThat(app.crmSync().orElseThrow().runOnce()).isEqualTo(1);
        assertThat(figures()).isEmpty(); // the baseline records nothing
    }

    private void nextSync() {
        clock.advance(Duration.ofMinutes(10));
        assertThat(app.crmSync().orElseThrow().runOnce()).isEqualTo(1);
    }

    private void deal(
            String id,
            String owner,
            String amount,
            String currency,
            LocalDate close,
            boolean closed,
            boolean won,
            String category,
            Instant when) {
        salesforce.put(
                new FakeSalesforce.Opportunity(
                        id,
                        id.substring(3),
                        owner,
                        new BigDecimal(amount),
                        currency,
                        close,
                        closed ? (won ? "Closed Won" : "Closed Lost") : "Negotiation",
                        closed,
                        won,
                        category,
                        when));
    }

    /** Commit 120k + commit 80k + won 30k in the quarter; best case, next quarter's: not. */
    private void team() {
        deal("006ACME", "005BOB", "120000", "USD", THIS_QUARTER, false, false, "Commit", BEFORE);
        deal("006GLOBEX", "005ANN", "80000", "USD", THIS_QUARTER, false, false, "Commit", BEFORE);
        deal("006HOOLI", "005BOB", "30000", "USD", THIS_QUARTER, true, true, "Closed", BEFORE);
        deal(
                "006INITECH",
                "005BOB",
                "500000",
                "USD",
                THIS_QUARTER,
                false,
                false,
                "Best Case",
                BEFORE);
        deal("006STARK", "005ANN", "700000", "USD", NEXT_QUARTER, false, false, "Commit", BEFORE);
    }

    private Instant soon() {
        return clock.instant().plusSeconds(60);
    }

    private List<String> figures() {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT round(amount)::text || ' ' || coalesce(currency, '-')"
                                                + " FROM forecast WHERE team_id = :t AND user_id = :u"
                                                + " ORDER BY id")
                                .bind("t", TEAM)
                                .bind("u", ME)
                                .mapTo(String.class)
                                .list());
    }

    private long latestId() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT max(id) FROM forecast WHERE user_id = :u")
                                .bind("u", ME)
                                .mapTo(Long.class)
                                .one());
    }

    /** As if Ann had shared the latest figure with her boss. */
    private void bossTold() {
        long id = latestId();
        jdbi.useHandle(
                h ->
                        h.execute(
                                "UPDATE forecast SET shared_at = ?, shared_with = ?, told_via = 'DM'"
                                        + " WHERE id = ?",
                                clock.instant(),
                                BOSS,
                                id));
    }

    /** The DMs with a forecast in them (the share button or the downgrade's words). */
    private List<FakeSlack.Call> forecastDms() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ME.equals(c.param("channel")))
                .filter(c -> c.param("text").contains("forecast"))
                .toList();
    }

    private int reminders(long forecastId) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT count(*) FROM nudge WHERE user_id = :u AND ref_id = :id")
                                .bind("u", ME)
                                .bind("id", forecastId)
                                .mapTo(Integer.class)
                                .one());
    }

    private String note() {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT note FROM forecast WHERE id = :id")
                                .bind("id", latestId())
                                .mapTo(String.class)
                                .one());
    }

    @Test
    void the_commit_is_recorded_on_the_first_sync_after_the_baseline_and_once() throws Exception {
        team();
        connected();

        nextSync();
        assertThat(figures()).containsExactly("230000 USD");
        assertThat(note()).isEqualTo("From Salesforce: Commit and closed won, 3 deals");
        assertThat(forecastDms()).isEmpty(); // a first figure is recorded quietly

        nextSync();
        nextSync();
        assertThat(figures()).containsExactly("230000 USD");
    }

    @Test
    void a_cut_commit_deal_is_a_downgrade_told_like_a_typed_lower_figure() throws Exception {
        team();
        connected();
        nextSync();
        bossTold();

        deal("006ACME", "005BOB", "60000", "USD", THIS_QUARTER, false, false, "Commit", soon());
        nextSync();

        assertThat(figures()).containsExactly("230000 USD", "170000 USD");
        List<FakeSlack.Call> dms = forecastDms();
        assertThat(dms).hasSize(1);
        assertThat(dms.get(0).param("text")).contains("That's a downgrade", "$170,000");
        assertThat(dms.get(0).json("blocks")).contains(ForecastViews.SHARE_FORECAST);
        assertThat(reminders(latestId())).isPositive();

        // the same as the reply to /bossreview forecast with that figure
        String typed =
                com.bossreview.support.SlackRequests.text(
                        app.slack().command(TEAM, ME, "forecast 170k"));
        assertThat(typed).contains("That's a downgrade", "$170,000");
    }

    @Test
    void a_deal_moved_out_of_commit_lowers_the_figure() throws Exception {
        team();
        connected();
        nextSync();
        bossTold();

        deal(
                "006GLOBEX",
                "005ANN",
                "80000",
                "USD",
                THIS_QUARTER,
                false,
                false,
                "Best Case",
                soon());
        nextSync();

        assertThat(figures()).containsExactly("230000 USD", "150000 USD");
        assertThat(forecastDms()).hasSize(1);
        assertThat(reminders(latestId())).isPositive();
    }

    @Test
    void a_commit_falling_to_zero_is_the_biggest_downgrade_and_is_told() throws Exception {
        team();
        connected();
        nextSync();
        bossTold();

        // Both Commit deals lost; the quarter's won deal goes to next quarter by a late correction.
        deal("006ACME", "005BOB", "120000", "USD", THIS_QUARTER, true, false, "Omitted", soon());
        deal("006GLOBEX", "005ANN", "80000", "USD", THIS_QUARTER, true, false, "Omitted", soon());
        deal(
                "006HOOLI",
                "005BOB",
                "30000",
                "USD",
                THIS_QUARTER.plusMonths(3),
                true,
                true,
                "Closed",
                soon());
        nextSync();

        assertThat(figures()).containsExactly("230000 USD", "0 USD");
        assertThat(forecastDms()).hasSize(1);
        assertThat(reminders(latestId())).isPositive();
        nextSync();
        assertThat(figures()).hasSize(2); // a zero stays recorded once
    }

    @Test
    void a_quarter_with_no_commit_yet_records_nothing() throws Exception {
        connected();
        nextSync();
        assertThat(figures()).isEmpty();
    }

    @Test
    void deals_in_several_currencies_record_nothing() throws Exception {
        team();
        deal("006GLOBEX", "005ANN", "80000", "EUR", THIS_QUARTER, false, false, "Commit", BEFORE);
        connected();
        nextSync();
        assertThat(figures()).isEmpty();
    }

    @Test
    void named_commit_stages_make_the_commit_instead_of_the_forecast_category() throws Exception {
        team();
        connected();
        assertThat(app.slack().command(TEAM, ME, "settings crm-commit-stages negotiation").body())
                .contains("open deals in stage negotiation, plus closed won");

        nextSync();
        // stage Negotiation this quarter: Acme 120k, Globex 80k, Initech 500k (Best Case); won
        // Hooli 30k; Stark closes next quarter
        assertThat(figures()).containsExactly("730000 USD");
        assertThat(note()).isEqualTo("From Salesforce: stages negotiation and closed won, 4 deals");

        app.slack().command(TEAM, ME, "settings crm-commit-stages category");
        nextSync();
        assertThat(figures()).containsExactly("730000 USD", "230000 USD");
    }
}
