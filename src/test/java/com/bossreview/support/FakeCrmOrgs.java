package com.bossreview.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The opt-in "org per account" mode of {@link FakeSalesforce} and {@link FakeHubSpot}: as real
 * connections are, each account (the e-mail that consented) is in one org (a Salesforce org, a
 * HubSpot portal) through the CRM user with that e-mail; users and deals are added to an org, and a
 * token sees only its org's. Deals are indexed by owner, each owner's kept in modification order,
 * so a query costs the deals of the owners it names, not every deal of every org (benchmarks hold a
 * million). Not thread-safe: the fake calls it under its lock.
 *
 * @param <U> a user (Salesforce {@code User}, HubSpot owner)
 * @param <D> a deal
 */
final class FakeCrmOrgs<U, D> {
    private final Function<U, String> userId;
    private final Function<U, String> userEmail;
    private final Function<D, String> dealId;
    private final Function<D, String> dealOwner;
    private final Comparator<D> modificationOrder;
    private final Map<String, String> orgOfEmail = new HashMap<>();
    private final Map<String, String> orgOfUser = new HashMap<>();
    private final Map<String, Map<String, U>> users = new HashMap<>();
    private final Map<String, D> deals = new HashMap<>();
    private final Map<String, NavigableSet<D>> byOwner = new HashMap<>();

    /**
     * @param modificationOrder oldest change first, ties by id: each owner's deals in this order
     */
    FakeCrmOrgs(
            Function<U, String> userId,
            Function<U, String> userEmail,
            Function<D, String> dealId,
            Function<D, String> dealOwner,
            Comparator<D> modificationOrder) {
        this.userId = userId;
        this.userEmail = userEmail;
        this.dealId = dealId;
        this.dealOwner = dealOwner;
        this.modificationOrder = modificationOrder.thenComparing(dealId);
    }

    /** Adds (or replaces) a user of {@code org}; whoever consents with their e-mail sees it. */
    void addUser(String org, U user) {
        String id = userId.apply(user);
        String was = orgOfUser.put(id, org);
        if (was != null && !was.equals(org)) {
            users.get(was).remove(id);
        }
        users.computeIfAbsent(org, o -> new LinkedHashMap<>()).put(id, user);
        String email = userEmail.apply(user);
        if (email != null) {
            orgOfEmail.put(email.toLowerCase(Locale.ROOT), org);
        }
    }

    /** Creates or replaces a deal, in its owner's org (the owner is added first). */
    D put(D deal) {
        String owner = dealOwner.apply(deal);
        if (!orgOfUser.containsKey(owner)) {
            throw new IllegalArgumentException(
                    "org per account: deal owner " + owner + " is in no org (add the user first)");
        }
        D old = deals.put(dealId.apply(deal), deal);
        if (old != null) {
            byOwner.get(dealOwner.apply(old)).remove(old);
        }
        byOwner.computeIfAbsent(owner, o -> new TreeSet<>(modificationOrder)).add(deal);
        return deal;
    }

    D deal(String id) {
        return deals.get(id);
    }

    /** The org of the account that consented ({@code account}: its e-mail), if any. */
    Optional<String> orgOf(String account) {
        return Optional.ofNullable(orgOfEmail.get(account.toLowerCase(Locale.ROOT)));
    }

    /** The users of {@code org}, in the order they were added. */
    List<U> users(String org) {
        return List.copyOf(users.getOrDefault(org, Map.of()).values());
    }

    /**
     * The deals of {@code owners} that are in {@code org} (others' owners are not seen), oldest
     * change first, ties by id.
     */
    List<D> ofOwners(String org, Collection<String> owners) {
        List<D> found = new ArrayList<>();
        for (String owner : new java.util.LinkedHashSet<>(owners)) {
            if (org.equals(orgOfUser.get(owner))) {
                found.addAll(byOwner.getOrDefault(owner, new TreeSet<>(modificationOrder)));
            }
        }
        found.sort(modificationOrder); // sorted runs: merged, not sorted afresh
        return found;
    }

    /** Every deal of {@code org}, oldest change first. */
    List<D> all(String org) {
        return ofOwners(org, users.getOrDefault(org, Map.of()).keySet());
    }
}
