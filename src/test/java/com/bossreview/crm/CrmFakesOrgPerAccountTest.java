package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fakes' "org per account" mode the CRM sync benchmark runs on: each account (the e-mail that
 * consented) sees its own org's users and deals only, read through the app's real clients, and a
 * changed deal moves to its new place in modification order.
 */
class CrmFakesOrgPerAccountTest {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    static final Watermark SINCE = Watermark.after(START.minusSeconds(60));

    final MutableClock clock = new MutableClock(NOW);

    @Test
    void each_salesforce_account_sees_only_its_own_orgs_users_and_deals() {
        try (FakeSalesforce sf = new FakeSalesforce().orgPerAccount()) {
            sf.addOrgUser("a", "005A1", "ann@a.test", null, true);
            sf.addOrgUser("a", "005A2", "rep@a.test", "005A1", true);
            sf.addOrgUser("b", "005B1", "bea@b.test", null, true);
            sf.put(SalesforceApiTest.opp("006A1", "005A2", "100", START));
            sf.put(SalesforceApiTest.opp("006A2", "005A2", "150", START.plusSeconds(5)));
            sf.put(SalesforceApiTest.opp("006B1", "005B1", "200", START));
            SalesforceApi api =
                    new SalesforceApi(
                            URI.create(sf.instanceUrl()), SalesforceApiTest.quickClient(), clock);
            String ann = sf.accessToken("ann@a.test");
            String bea = sf.accessToken("bea@b.test");

            assertThat(api.users(ann)).extracting(CrmUser::id).containsExactly("005A1", "005A2");
            assertThat(api.users(bea)).extracting(CrmUser::id).containsExactly("005B1");
            DealChanges annsRead = api.changedDeals(ann, List.of("005A2", "005B1"), SINCE);
            assertThat(annsRead.deals()).extracting(Deal::id).containsExactly("006A1", "006A2");
            assertThat(api.changedDeals(bea, List.of("005A2", "005B1"), SINCE).deals())
                    .extracting(Deal::id)
                    .containsExactly("006B1");

            sf.put(SalesforceApiTest.opp("006A1", "005A2", "90", START.plusSeconds(60)));
            assertThat(api.changedDeals(ann, List.of("005A2"), SINCE).deals())
                    .extracting(Deal::id)
                    .containsExactly("006A2", "006A1");
            assertThat(sf.deal("006A1").amount()).isEqualByComparingTo("90");
            assertThatThrownBy(() -> sf.addUser("005X", "x@x.test", null, true))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void each_hubspot_account_sees_only_its_own_portals_owners_and_deals() {
        try (FakeHubSpot hs = new FakeHubSpot().orgPerAccount()) {
            hs.addOrgOwner("p1", "101", "ann@a.test", "7");
            hs.addOrgOwner("p1", "102", "rep@a.test", "7");
            hs.addOrgOwner("p2", "201", "bea@b.test", "9");
            hs.putDeal("9001", "Hooli", "102", "80000", START);
            hs.putDeal("9002", "Initech", "102", "60000", START.plusSeconds(5));
            hs.putDeal("9101", "Vandelay", "201", "70000", START);
            HubSpotApi api =
                    new HubSpotApi(URI.create(hs.url()), SalesforceApiTest.quickClient(), clock);
            String ann = hs.accessToken("ann@a.test");
            String bea = hs.accessToken("bea@b.test");

            assertThat(api.users(ann)).extracting(CrmUser::id).containsExactly("101", "102");
            assertThat(api.users(bea)).extracting(CrmUser::id).containsExactly("201");
            assertThat(api.changedDeals(ann, List.of("102", "201"), SINCE).deals())
                    .extracting(Deal::id)
                    .containsExactly("9001", "9002");
            List<Deal> beas = api.changedDeals(bea, List.of("102", "201"), SINCE).deals();
            assertThat(beas).extracting(Deal::id).containsExactly("9101");
            assertThat(beas.get(0).amount()).contains(new BigDecimal("70000"));

            hs.putDeal("9001", "Hooli", "102", "40000", START.plusSeconds(60));
            assertThat(api.changedDeals(ann, List.of("102"), SINCE).deals())
                    .extracting(Deal::id)
                    .containsExactly("9002", "9001");
        }
    }
}
