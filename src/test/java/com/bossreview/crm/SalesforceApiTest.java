package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bossreview.calendar.ProviderHttp;
import com.bossreview.support.FakeOAuthServer.Failure;
import com.bossreview.support.FakeOAuthServer.Request;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.FakeSalesforce.Opportunity;
import com.bossreview.support.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceApiTest {
    static final String ME = "manager@example.com";
    static final String ALICE = "005000000000001AAA";
    static final String BOB = "005000000000002AAA";
    static final String CAROL = "005000000000003AAA";
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

    FakeSalesforce sf;
    MutableClock clock;
    SalesforceApi api;
    String token;

    /** Short timeouts so a hanging provider costs the test a fraction of a second. */
    static OkHttpClient quickClient() {
        return ProviderHttp.client()
                .newBuilder()
                .readTimeout(Duration.ofMillis(400))
                .callTimeout(Duration.ofSeconds(2))
                .build();
    }

    @BeforeEach
    void start() {
        sf = new FakeSalesforce();
        clock = new MutableClock(NOW);
        api = api(SalesforceApi.MAX_PAGES);
        token = sf.accessToken(ME);
    }

    SalesforceApi api(int maxPages) {
        return new SalesforceApi(URI.create(sf.instanceUrl()), quickClient(), clock, maxPages);
    }

    @AfterEach
    void stop() {
        sf.close();
    }

    static Opportunity opp(String id, String owner, String amount, Instant modified) {
        return new Opportunity(
                id,
                "Deal " + id,
                owner,
                new BigDecimal(amount),
                "EUR",
                LocalDate.of(2026, 12, 15),
                "Negotiation/Review",
                false,
                false,
                "Commit",
                modified);
    }

    List<Request> queries() {
        return sf.requests().stream()
                .filter(r -> r.path().startsWith(FakeSalesforce.API + "query"))
                .toList();
    }

    @Test
    void users_are_read_across_batches_with_their_manager_and_inactive_ones_left_out() {
        sf.pageSize(2);
        sf.addUser("005M", "boss@example.com", null, true);
        sf.addUser(ALICE, "alice@example.com", "005M", true);
        sf.addUser(BOB, "bob@example.com", "005M", true);
        sf.addUser(CAROL, "carol@example.com", "005M", false);

        List<CrmUser> users = api.users(token);

        assertThat(users)
                .containsExactly(
                        new CrmUser(
                                "005M",
                                Optional.of("boss@example.com"),
                                Optional.empty(),
                                List.of()),
                        new CrmUser(
                                ALICE,
                                Optional.of("alice@example.com"),
                                Optional.of("005M"),
                                List.of()),
                        new CrmUser(
                                BOB,
                                Optional.of("bob@example.com"),
                                Optional.of("005M"),
                                List.of()));
        List<Request> sent = queries();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).path()).isEqualTo("/services/data/v62.0/query");
        assertThat(sent.get(0).query("q"))
                .isEqualTo("SELECT Id, Email, ManagerId FROM User WHERE IsActive = true");
        assertThat(sent.get(1).path()).startsWith("/services/data/v62.0/query/01g");
        assertThat(sent).allMatch(r -> token.equals(r.bearer()));
    }

    @Test
    void changed_deals_carry_every_field_and_only_the_team_s_opportunities() {
        sf.put(opp("006A", ALICE, "120000.50", START.plusSeconds(60)));
        sf.put(
                new Opportunity(
                        "006B",
                        "Globex",
                        BOB,
                        null,
                        null,
                        null,
                        "Closed Lost",
                        true,
                        false,
                        "Omitted",
                        START.plusSeconds(120)));
        sf.put(opp("006C", CAROL, "5", START.plusSeconds(30)));

        DealChanges c = api.changedDeals(token, List.of(ALICE, BOB), Watermark.after(START));

        assertThat(c.deals())
                .containsExactly(
                        new Deal(
                                "006A",
                                "Deal 006A",
                                ALICE,
                                Optional.of(new BigDecimal("120000.50")),
                                Optional.of("EUR"),
                                Optional.of(LocalDate.of(2026, 12, 15)),
                                "Negotiation/Review",
                                false,
                                false,
                                Optional.of("Commit"),
                                START.plusSeconds(60)),
                        new Deal(
                                "006B",
                                "Globex",
                                BOB,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                "Closed Lost",
                                true,
                                false,
                                Optional.of("Omitted"),
                                START.plusSeconds(120)));
        assertThat(c.more()).isFalse();
        assertThat(c.next()).isEqualTo(Watermark.after(NOW.minus(CrmApi.SETTLE)));
        assertThat(queries().get(0).query("q"))
                .isEqualTo(
                        "SELECT Id, Name, OwnerId, Amount, CloseDate, StageName, IsClosed, IsWon,"
                                + " ForecastCategoryName, SystemModstamp, CurrencyIsoCode FROM"
                                + " Opportunity WHERE OwnerId IN ('005000000000001AAA',"
                                + " '005000000000002AAA') AND SystemModstamp <="
                                + " 2026-11-30T08:59:00Z AND SystemModstamp > 2026-11-30T08:00:00Z"
                                + " ORDER BY SystemModstamp, Id");
    }

    @Test
    void a_change_after_a_read_is_returned_once_and_only_once() {
        sf.put(opp("006A", ALICE, "100000", START.plusSeconds(10)));
        DealChanges first = api.changedDeals(token, List.of(ALICE), Watermark.after(START));
        assertThat(first.deals()).extracting(Deal::id).containsExactly("006A");

        assertThat(api.changedDeals(token, List.of(ALICE), first.next()).deals()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        sf.put(
                sf.deal("006A")
                        .changed(
                                new BigDecimal("70000"),
                                "Negotiation/Review",
                                null,
                                NOW.plusSeconds(30)));
        DealChanges second = api.changedDeals(token, List.of(ALICE), first.next());
        assertThat(second.deals()).extracting(Deal::id).containsExactly("006A");
        assertThat(second.deals().get(0).amount()).contains(new BigDecimal("70000"));

        assertThat(api.changedDeals(token, List.of(ALICE), second.next()).deals()).isEmpty();
    }

    @Test
    void a_change_younger_than_the_settle_time_waits_for_the_next_read() {
        sf.put(opp("006A", ALICE, "1", NOW.minusSeconds(30)));

        DealChanges early = api.changedDeals(token, List.of(ALICE), Watermark.after(START));
        assertThat(early.deals()).isEmpty();
        assertThat(early.next().modifiedAt()).isBefore(NOW.minusSeconds(30));

        clock.advance(Duration.ofMinutes(1));
        assertThat(api.changedDeals(token, List.of(ALICE), early.next()).deals())
                .extracting(Deal::id)
                .containsExactly("006A");
    }

    @Test
    void equal_modification_times_resume_by_id_across_a_restart() {
        Instant t = START.plusSeconds(5);
        sf.pageSize(2);
        sf.put(opp("006C", ALICE, "3", t));
        sf.put(opp("006A", ALICE, "1", t));
        sf.put(opp("006B", BOB, "2", t));

        DealChanges first = api(1).changedDeals(token, List.of(ALICE, BOB), Watermark.after(START));
        assertThat(first.deals()).extracting(Deal::id).containsExactly("006A", "006B");
        assertThat(first.more()).isTrue();
        assertThat(first.next()).isEqualTo(new Watermark(t, "006B"));
        assertThat(queries().get(0).query("q")).doesNotContain("Id >");

        // a new client, as after a restart, with only the stored watermark
        DealChanges second = api(1).changedDeals(token, List.of(ALICE, BOB), first.next());
        assertThat(second.deals()).extracting(Deal::id).containsExactly("006C");
        assertThat(second.more()).isFalse();
        assertThat(queries().get(queries().size() - 1).query("q"))
                .contains(
                        "(SystemModstamp > 2026-11-30T08:00:05Z OR (SystemModstamp ="
                                + " 2026-11-30T08:00:05Z AND Id > '006B'))");

        assertThat(api(1).changedDeals(token, List.of(ALICE, BOB), second.next()).deals())
                .isEmpty();
    }

    @Test
    void a_batch_that_fails_midway_loses_nothing_when_read_again_from_the_same_watermark() {
        sf.pageSize(2);
        for (int i = 1; i <= 3; i++) {
            sf.put(opp("006" + i, ALICE, "1", START.plusSeconds(i)));
        }
        sf.failNext(1, new Failure.ServerError(503), FakeSalesforce.API + "query/");

        CrmException e =
                catchThrowableOfType(
                        CrmException.class,
                        () -> api.changedDeals(token, List.of(ALICE), Watermark.after(START)));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.UNAVAILABLE);

        assertThat(api.changedDeals(token, List.of(ALICE), Watermark.after(START)).deals())
                .extracting(Deal::id)
                .containsExactly("0061", "0062", "0063");
    }

    @Test
    void a_single_currency_org_is_asked_once_with_currency_and_then_without() {
        sf.multiCurrency(false);
        sf.put(opp("006A", ALICE, "10", START.plusSeconds(1)));

        DealChanges c = api.changedDeals(token, List.of(ALICE), Watermark.after(START));
        assertThat(c.deals()).hasSize(1);
        assertThat(c.deals().get(0).currency()).isEmpty();
        assertThat(queries()).hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        api.changedDeals(token, List.of(ALICE), c.next());
        assertThat(queries()).hasSize(3);
        assertThat(queries().get(2).query("q")).doesNotContain("CurrencyIsoCode");
    }

    @Test
    void no_owners_means_no_call_and_the_watermark_moves_on() {
        DealChanges c = api.changedDeals(token, List.of(), Watermark.after(START));
        assertThat(c.deals()).isEmpty();
        assertThat(c.next()).isEqualTo(Watermark.after(NOW.minus(CrmApi.SETTLE)));
        assertThat(sf.requests()).isEmpty();
    }

    @Test
    void owner_ids_are_quoted_so_a_quote_cannot_change_the_query() {
        api.changedDeals(token, List.of("x' OR Name != '"), Watermark.after(START));
        assertThat(queries().get(0).query("q")).contains("OwnerId IN ('x\\' OR Name != \\'')");
    }

    CrmException failure(Failure f) {
        sf.failNext(1, f);
        return catchThrowableOfType(
                CrmException.class,
                () -> api.changedDeals(token, List.of(ALICE), Watermark.after(START)));
    }

    @Test
    void request_limit_exceeded_is_rate_limited() {
        CrmException e = failure(new Failure.QuotaExceeded());
        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("HTTP 403 REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void an_expired_session_is_unauthorized_and_the_token_is_not_in_the_message() {
        sf.expireAccessTokens();
        CrmException e = catchThrowableOfType(CrmException.class, () -> api.users(token));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("INVALID_SESSION_ID").doesNotContain(token);
    }

    @Test
    void outages_and_hangs_are_unavailable_and_other_refusals_failed() {
        assertThat(failure(new Failure.ServerError(500)).kind())
                .isEqualTo(CrmException.Kind.UNAVAILABLE);
        assertThat(failure(new Failure.Hang()).kind()).isEqualTo(CrmException.Kind.UNAVAILABLE);
        assertThat(failure(new Failure.ProviderError(404, "NOT_FOUND")).kind())
                .isEqualTo(CrmException.Kind.NOT_FOUND);
        CrmException forbidden = failure(new Failure.Forbidden());
        assertThat(forbidden.kind()).isEqualTo(CrmException.Kind.FAILED);
        assertThat(forbidden.getMessage()).contains("API_DISABLED_FOR_ORG");
    }

    @Test
    void every_change_is_seen_once_over_many_reads_with_ties_and_pages() {
        sf.pageSize(3);
        List<String> seen = new ArrayList<>();
        Watermark w = Watermark.after(START);
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 5; i++) {
                sf.put(
                        opp(
                                "006R" + round + "D" + i,
                                i % 2 == 0 ? ALICE : BOB,
                                "1",
                                clock.instant().minusSeconds(30).plusSeconds(i / 2)));
            }
            clock.advance(Duration.ofMinutes(1));
            DealChanges c;
            do {
                c = api(1).changedDeals(token, List.of(ALICE, BOB), w);
                c.deals().forEach(d -> seen.add(d.id()));
                w = c.next();
            } while (c.more());
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(20);
    }
}
