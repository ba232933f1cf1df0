package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeOAuthServer.Failure;
import com.bossreview.support.FakeOAuthServer.Request;
import com.bossreview.support.MutableClock;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotApiTest {
    static final String ME = "manager@example.com";
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

    FakeHubSpot hs;
    MutableClock clock;
    HubSpotApi api;
    String token;

    @BeforeEach
    void start() {
        hs = new FakeHubSpot();
        clock = new MutableClock(NOW);
        api = api(HubSpotApi.PAGE, HubSpotApi.MAX_PAGES);
        token = hs.accessToken(ME);
    }

    HubSpotApi api(int pageSize, int maxPages) {
        return new HubSpotApi(
                URI.create(hs.url()), SalesforceApiTest.quickClient(), clock, pageSize, maxPages);
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    List<Request> searches() {
        return hs.requests("POST", "/crm/v3/objects/deals/search");
    }

    static JsonObject body(Request r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void owners_are_paged_with_after_and_bring_their_teams_but_no_manager() {
        hs.ownerPage(2);
        hs.addOwner("101", "alice@example.com", "7", "9");
        hs.addOwner("102", "bob@example.com", "7");
        hs.addOwner("103", "carol@example.com");

        assertThat(api.users(token))
                .containsExactly(
                        new CrmUser(
                                "101",
                                Optional.of("alice@example.com"),
                                Optional.empty(),
                                List.of("7", "9")),
                        new CrmUser(
                                "102",
                                Optional.of("bob@example.com"),
                                Optional.empty(),
                                List.of("7")),
                        new CrmUser(
                                "103",
                                Optional.of("carol@example.com"),
                                Optional.empty(),
                                List.of()));
        List<Request> sent = hs.requests("GET", "/crm/v3/owners");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).query("after")).isNull();
        assertThat(sent.get(1).query("after")).isEqualTo("2");
        assertThat(sent).allMatch(r -> token.equals(r.bearer()));
    }

    @Test
    void changed_deals_carry_every_property_and_the_search_is_the_documented_one() {
        hs.putDeal(
                "501",
                "Acme",
                "101",
                new BigDecimal("120000.5"),
                "EUR",
                LocalDate.of(2026, 12, 15),
                "contractsent",
                false,
                false,
                "COMMIT",
                START.plusMillis(1500));
        hs.putDeal("502", "Globex", "102", "10", START.plusSeconds(2));
        hs.putDeal("503", "Initech", "999", "10", START.plusSeconds(3));

        DealChanges c = api.changedDeals(token, List.of("101", "102"), Watermark.after(START));

        assertThat(c.deals()).extracting(Deal::id).containsExactly("501", "502");
        assertThat(c.deals().get(0))
                .isEqualTo(
                        new Deal(
                                "501",
                                "Acme",
                                "101",
                                Optional.of(new BigDecimal("120000.5")),
                                Optional.of("EUR"),
                                Optional.of(LocalDate.of(2026, 12, 15)),
                                "contractsent",
                                false,
                                false,
                                Optional.of("COMMIT"),
                                START.plusMillis(1500)));
        assertThat(c.deals().get(1).forecastCategory()).isEmpty();
        assertThat(c.next()).isEqualTo(Watermark.after(NOW.minus(CrmApi.SETTLE)));
        JsonObject sent = body(searches().get(0));
        assertThat(sent.get("filterGroups").toString())
                .isEqualTo(
                        "[{\"filters\":["
                                + "{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"GT\",\"value\":\""
                                + START.toEpochMilli()
                                + "\"},"
                                + "{\"propertyName\":\"hs_lastmodifieddate\",\"operator\":\"LTE\",\"value\":\""
                                + NOW.minus(CrmApi.SETTLE).toEpochMilli()
                                + "\"},"
                                + "{\"propertyName\":\"hubspot_owner_id\",\"operator\":\"IN\",\"values\":[\"101\",\"102\"]}]}]");
        assertThat(sent.get("sorts").toString())
                .isEqualTo(
                        "[{\"propertyName\":\"hs_lastmodifieddate\",\"direction\":\"ASCENDING\"}]");
        assertThat(sent.get("limit").getAsInt()).isEqualTo(200);
        assertThat(searches().get(0).bearer()).isEqualTo(token);
    }

    @Test
    void a_change_after_a_read_is_returned_once_and_only_once() {
        hs.putDeal("501", "Acme", "101", "100000", START.plusSeconds(10));
        DealChanges first = api.changedDeals(token, List.of("101"), Watermark.after(START));
        assertThat(first.deals()).extracting(Deal::id).containsExactly("501");
        assertThat(api.changedDeals(token, List.of("101"), first.next()).deals()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        hs.putDeal("501", "Acme", "101", "70000", NOW.plusSeconds(30));
        DealChanges second = api.changedDeals(token, List.of("101"), first.next());
        assertThat(second.deals()).extracting(Deal::id).containsExactly("501");
        assertThat(second.deals().get(0).amount()).contains(new BigDecimal("70000"));
        assertThat(api.changedDeals(token, List.of("101"), second.next()).deals()).isEmpty();
    }

    @Test
    void a_change_younger_than_the_settle_time_waits_for_the_next_read() {
        hs.putDeal("501", "Acme", "101", "1", NOW.minusSeconds(30));
        DealChanges early = api.changedDeals(token, List.of("101"), Watermark.after(START));
        assertThat(early.deals()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.changedDeals(token, List.of("101"), early.next()).deals())
                .extracting(Deal::id)
                .containsExactly("501");
    }

    /**
     * Search sorts by one property; the fake keeps ties in insertion order (here 513, 511, 512), so
     * only the tie read by id can resume between them.
     */
    @Test
    void equal_modification_times_at_the_page_cap_resume_by_id_across_restarts() {
        Instant t1 = START.plusSeconds(1);
        Instant t2 = START.plusSeconds(2);
        hs.putDeal("510", "A", "101", "1", t1);
        hs.putDeal("513", "D", "101", "1", t2);
        hs.putDeal("511", "B", "101", "1", t2);
        hs.putDeal("512", "C", "101", "1", t2);

        List<List<String>> reads = new ArrayList<>();
        Watermark w = Watermark.after(START);
        DealChanges c;
        int calls = 0;
        do {
            // a new client each time, as after a restart, with only the stored watermark
            c = api(2, 1).changedDeals(token, List.of("101"), w);
            reads.add(c.deals().stream().map(Deal::id).toList());
            w = c.next();
        } while (c.more() && ++calls < 10);

        assertThat(reads)
                .containsExactly(
                        List.of("510"), // the page ended inside t2: t2 is left for later
                        List.of("511", "512"), // t2 alone, by id, stopped at the cap
                        List.of("513"), // t2 after 512
                        List.of()); // nothing after t2
        JsonObject tie = body(searches().get(3));
        assertThat(tie.get("sorts").toString()).contains("hs_object_id");
        assertThat(tie.get("filterGroups").toString())
                .contains(
                        "{\"propertyName\":\"hs_object_id\",\"operator\":\"GT\",\"value\":\"512\"}");
    }

    @Test
    void every_change_is_seen_once_over_many_reads_with_ties_and_pages() {
        List<String> seen = new ArrayList<>();
        Watermark w = Watermark.after(START);
        for (int round = 0; round < 4; round++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, 7).boxed().toList());
            Collections.reverse(order);
            for (int i : order) {
                hs.putDeal(
                        Integer.toString(1000 + round * 10 + i),
                        "D",
                        i % 2 == 0 ? "101" : "102",
                        "1",
                        clock.instant().minusSeconds(30).plusSeconds(i / 3));
            }
            clock.advance(Duration.ofMinutes(1));
            DealChanges c;
            int calls = 0;
            do {
                c = api(2, 1).changedDeals(token, List.of("101", "102"), w);
                c.deals().forEach(d -> seen.add(d.id()));
                w = c.next();
            } while (c.more() && ++calls < 50);
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(28);
    }

    @Test
    void more_owners_than_one_search_takes_are_refused_before_any_call() {
        List<String> many = IntStream.range(0, 101).mapToObj(Integer::toString).toList();
        assertThatThrownBy(() -> api.changedDeals(token, many, Watermark.after(START)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hs.requests()).isEmpty();
    }

    CrmException failure(Failure f) {
        hs.failNext(1, f);
        return catchThrowableOfType(
                CrmException.class,
                () -> api.changedDeals(token, List.of("101"), Watermark.after(START)));
    }

    @Test
    void a_429_waits_as_long_as_retry_after_says() {
        CrmException e = failure(new Failure.RateLimited(7));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("HTTP 429 TEN_SECONDLY_ROLLING");
    }

    @Test
    void a_429_for_the_daily_limit_waits_the_longest_we_honour() {
        CrmException e = failure(new Failure.QuotaExceeded());
        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofHours(1));
    }

    @Test
    void a_429_of_the_search_per_second_limit_without_headers_waits_a_second() {
        CrmException e = failure(new Failure.ProviderError(429, "SECONDLY"));
        assertThat(e.kind()).isEqualTo(CrmException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void an_expired_token_is_unauthorized_and_not_in_the_message() {
        CrmException e = failure(new Failure.Unauthorized());
        assertThat(e.kind()).isEqualTo(CrmException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("EXPIRED_AUTHENTICATION").doesNotContain(token);
        hs.expireAccessTokens();
        assertThat(catchThrowableOfType(CrmException.class, () -> api.users(token)).kind())
                .isEqualTo(CrmException.Kind.UNAUTHORIZED);
    }

    @Test
    void outages_and_hangs_are_unavailable_and_missing_scopes_failed() {
        assertThat(failure(new Failure.ServerError(502)).kind())
                .isEqualTo(CrmException.Kind.UNAVAILABLE);
        assertThat(failure(new Failure.Hang()).kind()).isEqualTo(CrmException.Kind.UNAVAILABLE);
        assertThat(failure(new Failure.Forbidden()).kind()).isEqualTo(CrmException.Kind.FAILED);
    }
}
