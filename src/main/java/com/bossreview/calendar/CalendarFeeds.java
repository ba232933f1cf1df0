package com.bossreview.calendar;

import com.bossreview.config.CalendarSettings;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Each manager's "Add to calendar" feed: one URL per manager, made the first time a slot reply
 * needs it and the same from then on, so a calendar that subscribed to it follows slot changes.
 * Only with {@code BOSSREVIEW_PUBLIC_URL}: without it there is no address a calendar could reach.
 */
public final class CalendarFeeds {
    /** Where the feeds are served: {@code <PREFIX><token>.ics}. */
    public static final String PREFIX = "/calendar/ics/";

    static final String SUFFIX = ".ics";

    private final Optional<URI> publicUrl;
    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;

    CalendarFeeds(Optional<URI> publicUrl, Jdbi jdbi, Clock clock, SecureRandom random) {
        this.publicUrl = publicUrl;
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
    }

    public static CalendarFeeds of(CalendarSettings settings, Jdbi jdbi, Clock clock) {
        return new CalendarFeeds(settings.publicUrl(), jdbi, clock, new SecureRandom());
    }

    /** Whether feeds are served at all (a public URL is set). */
    public boolean enabled() {
        return publicUrl.isPresent();
    }

    /**
     * The manager's feed URL, made on first need (the manager's row must exist); empty without a
     * public URL.
     */
    public Optional<URI> link(String team, String user) {
        if (publicUrl.isEmpty()) {
            return Optional.empty();
        }
        String token =
                jdbi.inTransaction(
                        h -> {
                            CalendarFeedDao dao = h.attach(CalendarFeedDao.class);
                            Optional<String> known = dao.tokenOf(team, user);
                            if (known.isPresent()) {
                                return known.get();
                            }
                            String made = CalendarFeedToken.random(random);
                            dao.add(
                                    CalendarFeedToken.sha256(made),
                                    team,
                                    user,
                                    made,
                                    clock.instant());
                            return dao.tokenOf(team, user).orElseThrow();
                        });
        return Optional.of(URI.create(publicUrl.get() + PREFIX + token + SUFFIX));
    }

    /** Whose feed {@code token} opens; empty for anything that is not a stored token. */
    Optional<CalendarFeedDao.Owner> owner(String token) {
        if (!CalendarFeedToken.wellFormed(token)) {
            return Optional.empty();
        }
        String sha = CalendarFeedToken.sha256(token);
        return jdbi.withExtension(CalendarFeedDao.class, dao -> dao.ownerOf(sha));
    }

    Clock clock() {
        return clock;
    }
}
