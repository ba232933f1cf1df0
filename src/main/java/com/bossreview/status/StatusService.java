package com.bossreview.status;

import com.bossreview.forecast.Currency;
import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ToldVia;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerMapper;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.review.ReviewService;
import com.bossreview.review.ReviewState;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Gathers the status card of a manager in one round trip: the manager row with, as JSON columns, every
 * stored week (this week's state and the streak come from them), the open news (not told, not dismissed), and the
 * latest forecast and the last one told to the boss of each fiscal quarter (the current quarter depends on the manager's zone and fiscal-year start,
 * so it is picked here). It answers on every {@code /bossreview} and App Home open, so it takes one pooled
 * connection for one statement instead of one connection per part of the card.
 */
public final class StatusService {
    /** Timestamps go out as UTC wall time (to_json of a {@code timestamp}), so they come back to the microsecond. */
    static final String CARD_SQL = """
            SELECT m.*,
              (SELECT coalesce(json_agg(json_build_array(w.iso_year, w.iso_week, w.state)), '[]')
                 FROM weekly_review w
                WHERE w.team_id = m.team_id AND w.user_id = m.user_id) AS card_weeks,
              (SELECT coalesce(json_agg(json_build_object(
                        'id', n.id, 'kind', n.kind, 'body', n.body, 'logged_at', n.logged_at AT TIME ZONE 'UTC',
                        'shared_with', n.shared_with, 'acknowledged_at', n.acknowledged_at AT TIME ZONE 'UTC')
                      ORDER BY n.logged_at, n.id), '[]')
                 FROM news n
                WHERE n.team_id = m.team_id AND n.user_id = m.user_id AND n.shared_at IS NULL
                  AND n.dismissed_at IS NULL) AS card_unshared_news,
              (SELECT coalesce(json_agg(json_build_object(%1$s)), '[]')
                 FROM (SELECT DISTINCT ON (fiscal_year, quarter) *
                         FROM forecast
                        WHERE team_id = m.team_id AND user_id = m.user_id
                        ORDER BY fiscal_year, quarter, recorded_at DESC, id DESC) f) AS card_latest_forecasts,
              (SELECT coalesce(json_agg(json_build_object(%1$s)), '[]')
                 FROM (SELECT DISTINCT ON (fiscal_year, quarter) *
                         FROM forecast
                        WHERE team_id = m.team_id AND user_id = m.user_id AND shared_at IS NOT NULL
                        ORDER BY fiscal_year, quarter, recorded_at DESC, id DESC) f) AS card_told_forecasts
            FROM manager m
            WHERE m.team_id = ? AND m.user_id = ?""".formatted("""
            'id', f.id, 'fiscal_year', f.fiscal_year, 'quarter', f.quarter, 'amount', f.amount::text,
            'currency', f.currency, 'note', f.note, 'recorded_at', f.recorded_at AT TIME ZONE 'UTC',
            'shared_at', f.shared_at AT TIME ZONE 'UTC', 'shared_with', f.shared_with, 'told_via', f.told_via""");

    private final DataSource dataSource;
    private final Clock clock;

    public StatusService(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    private static final ManagerMapper MANAGERS = new ManagerMapper();

    /**
     * The manager's card, or empty for someone who never used bossreview (no manager row; nothing is stored).
     * Plain JDBC on a pooled connection: Jdbi's per-handle and per-statement work (handle and statement
     * contexts, named-parameter rendering, argument factory look-ups) cost more CPU than the query's own
     * execution on this path.
     */
    public Optional<StatusCard> card(String team, String user) {
        Instant now = clock.instant();
        try (Connection connection = connection();
             PreparedStatement statement = connection.prepareStatement(CARD_SQL)) {
            statement.setString(1, team);
            statement.setString(2, user);
            try (ResultSet rs = statement.executeQuery()) {
                // ManagerMapper reads the ResultSet only; it has no use for a Jdbi statement context.
                return rs.next() ? Optional.of(card(MANAGERS.map(rs, null), rs, now)) : Optional.empty();
            }
        } catch (SQLException e) {
            // As Jdbi reports a failed statement: the cause (and its SQLState) is kept, no bound value is shown.
            throw new UnableToExecuteStatementException("Could not read the status card", e, null);
        }
    }

    /**
     * As Jdbi reports it: no connection to be had (pool timeout, closed pool, server away) is a
     * {@link ConnectionException}, which the HTTP edge answers as "temporarily unavailable".
     */
    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }

    private static StatusCard card(Manager m, ResultSet rs, Instant now) throws SQLException {
        LocalDate today = m.today(now);
        IsoWeek week = IsoWeek.of(today);
        Map<IsoWeek, ReviewState> byWeek = new HashMap<>();
        for (JsonElement e : json(rs, "card_weeks")) {
            JsonArray w = e.getAsJsonArray();
            byWeek.put(new IsoWeek(w.get(0).getAsInt(), w.get(1).getAsInt()), ReviewState.valueOf(w.get(2).getAsString()));
        }
        List<NewsItem> unshared = new ArrayList<>();
        for (JsonElement e : json(rs, "card_unshared_news")) {
            JsonObject n = e.getAsJsonObject();
            unshared.add(new NewsItem(n.get("id").getAsLong(), m.teamId(), m.userId(), NewsKind.valueOf(string(n, "kind")),
                    string(n, "body"), instant(n, "logged_at").orElseThrow(), Optional.empty(),
                    Optional.ofNullable(string(n, "shared_with")), instant(n, "acknowledged_at"), Optional.empty(),
                    Optional.empty()));
        }
        FiscalQuarter quarter = FiscalQuarter.containing(today, m.fiscalStartMonth());
        Optional<Forecast> forecast = forecastOf(json(rs, "card_latest_forecasts"), m, quarter);
        Optional<Forecast> lastTold = forecastOf(json(rs, "card_told_forecasts"), m, quarter);
        return new StatusCard(m, now, week, Optional.ofNullable(byWeek.get(week)), List.copyOf(unshared), forecast,
                lastTold, quarter, quarter.daysLeft(today), ReviewService.streak(byWeek, week));
    }

    /** The figure of {@code quarter} among one per quarter. */
    private static Optional<Forecast> forecastOf(JsonArray perQuarter, Manager m, FiscalQuarter quarter) {
        for (JsonElement e : perQuarter) {
            JsonObject f = e.getAsJsonObject();
            if (f.get("fiscal_year").getAsInt() == quarter.fiscalYear() && f.get("quarter").getAsInt() == quarter.quarter()) {
                return Optional.of(new Forecast(f.get("id").getAsLong(), m.teamId(), m.userId(), quarter.fiscalYear(),
                        quarter.quarter(), new BigDecimal(string(f, "amount")),
                        Optional.ofNullable(string(f, "currency")).map(Currency::valueOf), Optional.ofNullable(string(f, "note")),
                        instant(f, "recorded_at").orElseThrow(), instant(f, "shared_at"),
                        Optional.ofNullable(string(f, "shared_with")),
                        Optional.ofNullable(string(f, "told_via")).map(ToldVia::valueOf)));
            }
        }
        return Optional.empty();
    }

    private static JsonArray json(ResultSet rs, String column) throws SQLException {
        return JsonParser.parseString(rs.getString(column)).getAsJsonArray();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static Optional<Instant> instant(JsonObject o, String key) {
        return Optional.ofNullable(string(o, key)).map(s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    }
}
