package com.bossreview.account;

import com.bossreview.agenda.AgendaDao;
import com.bossreview.agenda.AgendaExport;
import com.bossreview.boss.BossGuardDao;
import com.bossreview.boss.BossReplyDao;
import com.bossreview.boss.CoffeeDao;
import com.bossreview.boss.DigestDao;
import com.bossreview.calendar.CalendarDao;
import com.bossreview.crm.CrmDao;
import com.bossreview.feedback.FeedbackExport;
import com.bossreview.forecast.ForecastDao;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.news.NewsDao;
import com.bossreview.review.ReviewDao;
import com.bossreview.scorecard.PulseDao;
import com.bossreview.scorecard.SocialDao;
import com.bossreview.workspace.WorkspaceDefaults;
import com.bossreview.workspace.WorkspaceDefaultsDao;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Everything stored about one person, as JSON: what {@code /bossreview export} sends them (their
 * manager data, and what they hold as a boss).
 */
public final class ExportService {
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private final Jdbi jdbi;
    private final Clock clock;

    public ExportService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * What {@code user} may export: their manager data if they are one, and what they hold as a
     * boss (the digest opt-in); empty when bossreview stores nothing about them.
     */
    public Optional<String> export(String team, String user, Optional<Manager> manager) {
        Optional<DigestDao.OptIn> digest =
                jdbi.withExtension(DigestDao.class, dao -> dao.find(team, user));
        if (manager.isEmpty() && digest.isEmpty()) {
            return Optional.empty();
        }
        JsonObject root =
                manager.map(this::managerData)
                        .orElseGet(
                                () -> {
                                    JsonObject o = new JsonObject();
                                    o.addProperty("exported_at", clock.instant().toString());
                                    o.addProperty("team_id", team);
                                    o.addProperty("user_id", user);
                                    return o;
                                });
        JsonObject asBoss = new JsonObject();
        digest.ifPresentOrElse(
                d -> {
                    JsonObject o = new JsonObject();
                    o.addProperty("opted_in_at", d.optedInAt().toString());
                    o.addProperty("time_zone", d.timeZone());
                    asBoss.add("weekly_digest", o);
                },
                () -> asBoss.add("weekly_digest", null));
        root.add("as_boss", asBoss);
        return Optional.of(GSON.toJson(root));
    }

    private JsonObject managerData(Manager m) {
        JsonObject root = new JsonObject();
        root.addProperty("exported_at", clock.instant().toString());
        root.addProperty("team_id", m.teamId());
        root.addProperty("user_id", m.userId());
        root.add(
                "settings",
                settings(
                        m,
                        jdbi.withExtension(ManagerDao.class, dao -> dao.own(m.teamId(), m.userId()))
                                .orElse(ManagerDao.Own.NONE),
                        jdbi.withExtension(WorkspaceDefaultsDao.class, dao -> dao.find(m.teamId()))
                                .orElseGet(() -> WorkspaceDefaults.none(m.teamId()))));
        jdbi.useHandle(
                h -> {
                    JsonArray reviews = new JsonArray();
                    h.attach(ReviewDao.class)
                            .history(m.teamId(), m.userId())
                            .forEach(
                                    r -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty(
                                                "week",
                                                r.isoYear()
                                                        + "-W"
                                                        + String.format("%02d", r.isoWeek()));
                                        o.addProperty(
                                                "state", r.state().name().toLowerCase(Locale.ROOT));
                                        o.addProperty("updated_at", r.updatedAt().toString());
                                        reviews.add(o);
                                    });
                    root.add("weekly_reviews", reviews);
                    JsonArray news = new JsonArray();
                    h.attach(NewsDao.class)
                            .all(m.teamId(), m.userId())
                            .forEach(
                                    n -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("id", n.id());
                                        o.addProperty(
                                                "kind", n.kind().name().toLowerCase(Locale.ROOT));
                                        o.addProperty("text", n.body());
                                        o.addProperty("logged_at", n.loggedAt().toString());
                                        o.addProperty("shared_at", text(n.sharedAt()));
                                        o.addProperty("shared_with", n.sharedWith().orElse(null));
                                        o.addProperty("acknowledged_at", text(n.acknowledgedAt()));
                                        o.addProperty(
                                                "told_how",
                                                n.how()
                                                        .map(
                                                                how ->
                                                                        how.name()
                                                                                .toLowerCase(
                                                                                        Locale
                                                                                                .ROOT))
                                                        .orElse(null));
                                        o.addProperty("dismissed_at", text(n.dismissedAt()));
                                        news.add(o);
                                    });
                    root.add("news", news);
                    JsonArray forecasts = new JsonArray();
                    h.attach(ForecastDao.class)
                            .all(m.teamId(), m.userId())
                            .forEach(
                                    f -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("id", f.id());
                                        o.addProperty("fiscal_year", f.fiscalYear());
                                        o.addProperty("quarter", f.quarter());
                                        o.addProperty("amount", f.amount());
                                        o.addProperty(
                                                "currency",
                                                f.currency().map(Enum::name).orElse(null));
                                        o.addProperty("shown_as", ForecastViews.money(f));
                                        o.addProperty("note", f.note().orElse(null));
                                        o.addProperty("recorded_at", f.recordedAt().toString());
                                        o.addProperty("shared_at", text(f.sharedAt()));
                                        o.addProperty("shared_with", f.sharedWith().orElse(null));
                                        o.addProperty(
                                                "told_via",
                                                f.toldVia()
                                                        .map(v -> v.name().toLowerCase(Locale.ROOT))
                                                        .orElse(null));
                                        forecasts.add(o);
                                    });
                    root.add("forecasts", forecasts);
                    JsonArray agendas = new JsonArray();
                    h.attach(AgendaDao.class)
                            .all(m.teamId(), m.userId())
                            .forEach(
                                    a -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("sent_at", a.sentAt().toString());
                                        o.addProperty("sent_to", a.sentTo());
                                        o.addProperty("agenda", a.body());
                                        agendas.add(o);
                                    });
                    root.add("agendas_sent", agendas);
                    root.add("review_feedback", FeedbackExport.feedback(h, m));
                    root.add("agenda_items", AgendaExport.items(h, m));
                    JsonArray replies = new JsonArray();
                    h.attach(BossReplyDao.class)
                            .all(m.teamId(), m.userId())
                            .forEach(
                                    r -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("answered", r.subject().value());
                                        o.addProperty("boss_user_id", r.bossUserId());
                                        o.addProperty(
                                                "reply", r.reply().name().toLowerCase(Locale.ROOT));
                                        o.addProperty("question", r.question().orElse(null));
                                        o.addProperty("answered_at", r.answeredAt().toString());
                                        replies.add(o);
                                    });
                    root.add("boss_replies", replies);
                    JsonArray stops = new JsonArray();
                    h.attach(BossGuardDao.class)
                            .all(m.teamId(), m.userId())
                            .forEach(
                                    g -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("boss_user_id", g.bossUserId());
                                        o.addProperty(
                                                "dms_stopped_at",
                                                g.stoppedAt() == null
                                                        ? null
                                                        : g.stoppedAt().toString());
                                        stops.add(o);
                                    });
                    root.add("boss_dms", stops);
                    JsonArray pulse = new JsonArray();
                    h.attach(PulseDao.class)
                            .all(m.teamId(), m.userId())
                            .forEach(
                                    p -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty(
                                                "month", YearMonth.from(p.month()).toString());
                                        o.addProperty("score", p.score());
                                        o.addProperty("answered_at", p.answeredAt().toString());
                                        pulse.add(o);
                                    });
                    root.add("pulse", pulse);
                    JsonArray social = new JsonArray();
                    h.attach(SocialDao.class)
                            .all(m.teamId(), m.userId())
                            .forEach(
                                    x -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("text", x.body());
                                        o.addProperty("logged_at", x.loggedAt().toString());
                                        social.add(o);
                                    });
                    root.add("social_time", social);
                    // The calendar connection, never its tokens.
                    h.attach(CalendarDao.class)
                            .find(m.teamId(), m.userId())
                            .ifPresent(
                                    c -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("provider", c.provider());
                                        o.addProperty("account", c.account());
                                        o.addProperty("connected_at", c.connectedAt().toString());
                                        o.addProperty(
                                                "access_withdrawn_at",
                                                c.revokedAt() == null
                                                        ? null
                                                        : c.revokedAt().toString());
                                        o.addProperty("review_event_id", c.seriesId());
                                        root.add("calendar", o);
                                    });
                    // The manager's own CRM connection, never its tokens.
                    h.attach(CrmDao.class)
                            .ofManager(m.teamId(), m.userId())
                            .ifPresent(
                                    c -> {
                                        JsonObject o = new JsonObject();
                                        o.addProperty("provider", c.provider());
                                        o.addProperty("instance_url", c.instanceUrl());
                                        o.addProperty("crm_user_id", c.crmUserId());
                                        o.addProperty("connected_at", c.connectedAt().toString());
                                        o.addProperty(
                                                "access_withdrawn_at",
                                                text(Optional.ofNullable(c.revokedAt())));
                                        root.add("crm", o);
                                    });
                    h.attach(ManagerDao.class)
                            .crmSettings(m.teamId(), m.userId())
                            .ifPresent(
                                    c -> {
                                        JsonObject s = root.getAsJsonObject("settings");
                                        s.addProperty("crm_threshold", c.crmThreshold());
                                        s.addProperty("crm_owners", c.crmOwners());
                                        s.addProperty("crm_commit_stages", c.crmCommitStages());
                                    });
                    root.addProperty(
                            "coffee_offered_at",
                            text(h.attach(CoffeeDao.class).lastOffer(m.teamId(), m.userId())));
                });
        return root;
    }

    /**
     * The settings in force, with where the inheritable ones come from: {@code manager} (their
     * own), {@code workspace} (its admin's default) or {@code default} (bossreview's).
     */
    private static JsonObject settings(Manager m, ManagerDao.Own own, WorkspaceDefaults workspace) {
        JsonObject s = new JsonObject();
        s.addProperty("boss_user_id", m.bossUserId().orElse(null));
        s.addProperty("time_zone", m.zone().getId());
        s.addProperty("review_slot", m.reviewSlot().map(Object::toString).orElse(null));
        s.addProperty("prime_hours", m.primeHours().toString());
        s.addProperty(
                "prime_hours_source", source(own.primeHours(), workspace.primeHours().isPresent()));
        s.addProperty("fiscal_start_month", m.fiscalStartMonth().getValue());
        s.addProperty(
                "fiscal_start_month_source",
                source(own.fiscalStart(), workspace.fiscalStart().isPresent()));
        s.addProperty("currency", own.currency().map(Enum::name).orElse(null));
        s.addProperty(
                "workspace_default_currency", workspace.currency().map(Enum::name).orElse(null));
        s.addProperty("booking_nudge", m.bookingNudgeDay() + " " + m.bookingNudgeTime());
        s.addProperty("bad_news_after_minutes", m.badNewsAfter().toMinutes());
        s.addProperty("quarter_nudge_days", m.quarterNudgeDays().toString());
        s.addProperty("prep_lead_days", m.prepLeadDays());
        s.addProperty("nudges_enabled", m.nudgesEnabled());
        s.addProperty("paused_until", m.pausedUntil().map(Object::toString).orElse(null));
        s.addProperty("created_at", m.createdAt().toString());
        return s;
    }

    private static String source(boolean own, boolean workspaceSetOne) {
        return own ? "manager" : workspaceSetOne ? "workspace" : "default";
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
