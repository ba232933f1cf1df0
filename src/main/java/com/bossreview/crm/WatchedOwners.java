package com.bossreview.crm;

import com.bossreview.manager.ManagerService;
import com.bossreview.slack.SlackCallException;
import com.bossreview.slack.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whose deals a connection's sync reads: for each manager it serves, the CRM user with the
 * manager's Slack e-mail and the users they manage (Salesforce {@code User.ManagerId}; HubSpot:
 * owners in a team of theirs), plus the CRM users the manager named ({@code settings crm-owners}:
 * e-mails or CRM ids).
 *
 * <p>Finding them costs a read of the CRM's users and a Slack {@code users.info} per manager; a
 * team changes seldom, so what was found is kept for {@link #REFRESH} per connection and found
 * again sooner only when the managers served or their {@code crm-owners} changed (read from the
 * database at each sync, so every instance sees a change at its next sync). A rep added to a team
 * in the CRM, or a Slack e-mail changed, counts within the hour.
 */
final class WatchedOwners {
    private static final Logger log = LoggerFactory.getLogger(WatchedOwners.class);

    static final Duration REFRESH = Duration.ofHours(1);

    /** What was found for a connection, and from which managers and settings. */
    private record Found(List<CrmSyncDao.Served> served, Instant at, Map<String, Set<String>> of) {}

    private final Clock clock;
    private final UserDirectory users;
    private final Map<Long, Found> found = new ConcurrentHashMap<>();

    WatchedOwners(Clock clock, UserDirectory users) {
        this.clock = clock;
        this.users = users;
    }

    /**
     * CRM owner id → the managers (Slack user ids) whose deals the owner's are, for connection
     * {@code id} in {@code team} serving {@code served}; {@code crmUsers} reads the CRM's users
     * when they must be found again.
     */
    Map<String, Set<String>> of(
            long id,
            String team,
            List<CrmSyncDao.Served> served,
            Supplier<List<CrmUser>> crmUsers) {
        Instant now = clock.instant();
        Found last = found.get(id);
        if (last != null && last.served().equals(served) && now.isBefore(last.at().plus(REFRESH))) {
            return last.of();
        }
        boolean[] complete = {true};
        Map<String, Set<String>> of = find(team, served, crmUsers, complete);
        if (complete[0]) {
            found.put(id, new Found(List.copyOf(served), now, of));
        } else {
            found.remove(id); // a Slack user not looked up: look again at the next sync
        }
        return of;
    }

    /** Forgets what was found for connection {@code id} (revoked, failed to read). */
    void forget(long id) {
        found.remove(id);
    }

    private Map<String, Set<String>> find(
            String team,
            List<CrmSyncDao.Served> served,
            Supplier<List<CrmUser>> crmUsers,
            boolean[] complete) {
        Map<String, String> emails = new LinkedHashMap<>();
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (CrmSyncDao.Served s : served) {
            try {
                users.lookup(team, s.userId())
                        .flatMap(UserDirectory.SlackUser::email)
                        .ifPresent(e -> emails.put(s.userId(), e));
            } catch (SlackCallException e) {
                complete[0] = false;
                log.warn(
                        "Slack user {}/{} not looked up for the CRM sync: {}",
                        team,
                        s.userId(),
                        e.getMessage());
            }
            List<String> owners = ManagerService.list(s.crmOwners());
            if (!owners.isEmpty()) {
                named.put(s.userId(), owners);
            }
        }
        Map<String, Set<String>> of = new LinkedHashMap<>();
        if (emails.isEmpty() && named.isEmpty()) {
            return of;
        }
        List<CrmUser> all = crmUsers.get();
        emails.forEach(
                (manager, email) -> team(all, email).forEach(owner -> add(of, owner, manager)));
        named.forEach(
                (manager, owners) -> {
                    for (String owner : owners) {
                        Optional<CrmUser> u = byEmailOrId(all, owner);
                        if (u.isPresent()) {
                            add(of, u.get().id(), manager);
                        } else {
                            log.info(
                                    "crm-owners of {}/{}: no CRM user {}",
                                    team,
                                    manager,
                                    owner.contains("@") ? "with that e-mail" : "with that id");
                        }
                    }
                });
        return of;
    }

    private static void add(Map<String, Set<String>> of, String owner, String manager) {
        of.computeIfAbsent(owner, o -> new LinkedHashSet<>()).add(manager);
    }

    private static Optional<CrmUser> byEmailOrId(List<CrmUser> all, String owner) {
        return all.stream()
                .filter(
                        u ->
                                owner.contains("@")
                                        ? u.email().filter(owner::equalsIgnoreCase).isPresent()
                                        : u.id().equals(owner))
                .findFirst();
    }

    /** The CRM user with {@code email} and those they manage; empty when none has it. */
    static List<String> team(List<CrmUser> crmUsers, String email) {
        Optional<CrmUser> me =
                crmUsers.stream()
                        .filter(u -> u.email().filter(email::equalsIgnoreCase).isPresent())
                        .findFirst();
        if (me.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(List.of(me.get().id()));
        for (CrmUser u : crmUsers) {
            boolean reports = u.managerId().filter(me.get().id()::equals).isPresent();
            boolean sameTeam = u.teamIds().stream().anyMatch(me.get().teamIds()::contains);
            if (!u.id().equals(me.get().id()) && (reports || sameTeam)) {
                ids.add(u.id());
            }
        }
        return ids;
    }
}
