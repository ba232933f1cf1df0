package com.bossreview.calendar;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.HttpServer;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.SlackCallException;
import com.slack.api.model.User;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /calendar/ics/<token>.ics}: the manager's weekly review as an iCalendar file, for a
 * one-off import or a calendar subscription. The token is the only credential, so it never reaches
 * a log line: paths are logged as {@code /calendar/ics/…}.
 */
public final class CalendarFeedPage {
    private static final Logger log = LoggerFactory.getLogger(CalendarFeedPage.class);

    static final String NO_SLOT =
            "No weekly review slot is set for this calendar. Set one in Slack with "
                    + "/bossreview review <day> <time>, and this link will have it.";

    /** The name a calendar shows for the boss: Slack's, when Slack can tell it. */
    @FunctionalInterface
    public interface BossNames {
        Optional<String> of(String team, String bossUserId);
    }

    private final CalendarFeeds feeds;
    private final ManagerService managers;
    private final BossNames names;

    public CalendarFeedPage(CalendarFeeds feeds, ManagerService managers, BossNames names) {
        this.feeds = feeds;
        this.managers = managers;
        this.names = names;
    }

    /** The route, when feeds are served (a public URL is set). */
    public Optional<HttpServer.PageRoute> route() {
        return feeds.enabled()
                ? Optional.of(new HttpServer.PageRoute(CalendarFeeds.PREFIX, this::handle))
                : Optional.empty();
    }

    HttpServer.Page handle(HttpServer.PageRequest req) {
        String rest = req.rest();
        if (!rest.endsWith(CalendarFeeds.SUFFIX)) {
            return text(404, "not found");
        }
        String token = rest.substring(0, rest.length() - CalendarFeeds.SUFFIX.length());
        try {
            Optional<CalendarFeedDao.Owner> owner = feeds.owner(token);
            Optional<Manager> manager = owner.flatMap(o -> managers.find(o.teamId(), o.userId()));
            if (owner.isEmpty() || manager.isEmpty()) {
                log.debug("GET {}…: no such calendar feed", CalendarFeeds.PREFIX);
                return text(404, "not found");
            }
            Manager m = manager.get();
            if (m.reviewSlot().isEmpty()) {
                return text(404, NO_SLOT);
            }
            String ics =
                    IcsReview.calendar(
                            new IcsReview.Review(
                                    owner.get().tokenSha256().substring(0, 32),
                                    m.reviewSlot().get(),
                                    m.zone(),
                                    m.bossUserId().flatMap(b -> names.of(m.teamId(), b)),
                                    feeds.clock().instant()));
            log.debug("Served the calendar feed of {}/{}", m.teamId(), m.userId());
            return new HttpServer.Page(
                    200,
                    "text/calendar; charset=utf-8",
                    ics,
                    Map.of(
                            "Content-Disposition",
                            "attachment; filename=\"weekly-review.ics\"",
                            "Cache-Control",
                            "no-store",
                            "Referrer-Policy",
                            "no-referrer"));
        } catch (RuntimeException e) {
            // Not the exception itself: a driver's message could quote the request.
            log.warn("GET {}… failed: {}", CalendarFeeds.PREFIX, e.getClass().getSimpleName());
            return text(503, "The calendar is not available just now; try again in a minute.");
        }
    }

    private static HttpServer.Page text(int status, String body) {
        return new HttpServer.Page(
                status, "text/plain; charset=utf-8", body, Map.of("Cache-Control", "no-store"));
    }

    /**
     * Names from {@code users.info}: the display name people chose, else their full name. Slack not
     * answering costs the name only ("my boss"), never the file.
     */
    public static BossNames fromSlack(SlackApi api) {
        return (team, boss) -> {
            try {
                User u =
                        api.call(team, "users.info", c -> c.usersInfo(r -> r.user(boss))).getUser();
                User.Profile p = u.getProfile();
                return Stream.of(
                                p == null ? null : p.getDisplayName(),
                                p == null ? null : p.getRealName(),
                                u.getRealName())
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .findFirst();
            } catch (SlackCallException e) {
                log.info(
                        "The calendar feed of a manager of {} names no boss: users.info {}",
                        team,
                        e.error());
                return Optional.empty();
            } catch (RuntimeException e) {
                log.info(
                        "The calendar feed of a manager of {} names no boss: {}",
                        team,
                        e.toString());
                return Optional.empty();
            }
        };
    }
}
