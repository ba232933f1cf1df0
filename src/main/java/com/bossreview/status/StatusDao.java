package com.bossreview.status;

import com.bossreview.forecast.Currency;
import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ToldVia;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ManagerMapper;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.review.ReviewState;
import com.bossreview.time.IsoWeek;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The status card's one read, and the only statement status owns: the manager row with, as JSON
 * columns, every stored week, the open news (not told, not dismissed), and the latest forecast and
 * the last one told to the boss of each fiscal quarter. It answers on every {@code /bossreview} and
 * App Home open, so it is one round trip on one pooled connection instead of one question to each
 * owner of {@code manager}, {@code weekly_review}, {@code news} and {@code forecast}. The manager
 * part is {@link ManagerDao#COLUMNS}, mapped by {@link ManagerMapper}; the JSON columns carry their
 * tables' column names, and are read by {@link #row} right below the query.
 *
 * <p>Plain JDBC on a pooled connection rather than a Jdbi SqlObject: Jdbi's per-handle and
 * per-statement work (handle and statement contexts, config copies, named-parameter rendering,
 * argument factory look-ups) cost more CPU than the query's own execution on this path. Measured
 * single-threaded against the benchmark's 10,000 managers (2026-11-30, warm JIT): 52–58 µs of the
 * caller's CPU per card as here, 64–68 µs through a Jdbi handle, 66–89 µs through Jdbi's fluent
 * query and 102–111 µs through a SqlObject method.
 */
final class StatusDao {
    /** A forecast row as JSON, by its columns' names. */
    private static final String FORECAST_JSON =
            "json_build_object('id', f.id, 'fiscal_year', f.fiscal_year, "
                    + "'quarter', f.quarter, 'amount', f.amount::text, 'currency', f.currency, 'note', f.note, "
                    + "'recorded_at', f.recorded_at AT TIME ZONE 'UTC', 'shared_at', f.shared_at AT TIME ZONE 'UTC', "
                    + "'shared_with', f.shared_with, 'told_via', f.told_via)";

    /**
     * Timestamps go out as UTC wall time (to_json of a {@code timestamp}), so they come back to the
     * microsecond. The weeks go column by column (one array per column, in the same row order): a
     * manager's weeks grow by 52 a year, and their column names once are as compact as the
     * positional array they replace.
     */
    static final String CARD_SQL =
            "SELECT "
                    + ManagerDao.COLUMNS
                    + """
            ,
              (SELECT json_build_object('iso_year', json_agg(w.iso_year), 'iso_week', json_agg(w.iso_week),
                                        'state', json_agg(w.state))
                 FROM weekly_review w
                WHERE w.team_id = m.team_id AND w.user_id = m.user_id) AS card_weeks,
              (SELECT coalesce(json_agg(json_build_object(
                        'id', n.id, 'kind', n.kind, 'body', n.body, 'logged_at', n.logged_at AT TIME ZONE 'UTC',
                        'shared_with', n.shared_with, 'acknowledged_at', n.acknowledged_at AT TIME ZONE 'UTC')
                      ORDER BY n.logged_at, n.id), '[]')
                 FROM news n
                WHERE n.team_id = m.team_id AND n.user_id = m.user_id AND n.shared_at IS NULL
                  AND n.dismissed_at IS NULL) AS card_unshared_news,
              (SELECT coalesce(json_agg(%1$s), '[]')
                 FROM (SELECT DISTINCT ON (fiscal_year, quarter) *
                         FROM forecast
                        WHERE team_id = m.team_id AND user_id = m.user_id
                        ORDER BY fiscal_year, quarter, recorded_at DESC, id DESC) f) AS card_latest_forecasts,
              (SELECT coalesce(json_agg(%1$s), '[]')
                 FROM (SELECT DISTINCT ON (fiscal_year, quarter) *
                         FROM forecast
                        WHERE team_id = m.team_id AND user_id = m.user_id AND shared_at IS NOT NULL
                        ORDER BY fiscal_year, quarter, recorded_at DESC, id DESC) f) AS card_told_forecasts
            """
                            .formatted(FORECAST_JSON)
                    + ManagerDao.FROM
                    + " WHERE m.team_id = ? AND m.user_id = ?";

    private static final ManagerMapper MANAGERS = new ManagerMapper();

    /**
     * What {@link #CARD_SQL} read, before the moment picks this week and this quarter.
     *
     * @param latestForecasts the latest figure of each fiscal quarter
     * @param toldForecasts the last figure told to the boss of each fiscal quarter
     */
    record CardRow(
            Manager manager,
            Map<IsoWeek, ReviewState> weeks,
            List<NewsItem> unsharedNews,
            List<Forecast> latestForecasts,
            List<Forecast> toldForecasts) {}

    private final DataSource dataSource;

    StatusDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Empty for someone who never used bossreview (no manager row). */
    Optional<CardRow> card(String team, String user) {
        try (Connection connection = connection();
                PreparedStatement statement = connection.prepareStatement(CARD_SQL)) {
            statement.setString(1, team);
            statement.setString(2, user);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            // As Jdbi reports a failed statement: the cause (and its SQLState) is kept, no bound
            // value is shown.
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

    /**
     * The manager by {@link ManagerMapper}; the JSON columns by the column names of their tables.
     */
    private static CardRow row(ResultSet rs) throws SQLException {
        // ManagerMapper reads the ResultSet only; it has no use for a Jdbi statement context.
        Manager m = MANAGERS.map(rs, null);
        Map<IsoWeek, ReviewState> weeks = new HashMap<>();
        JsonObject w = JsonParser.parseString(rs.getString("card_weeks")).getAsJsonObject();
        if (!w.get("state").isJsonNull()) {
            JsonArray years = w.getAsJsonArray("iso_year");
            JsonArray numbers = w.getAsJsonArray("iso_week");
            JsonArray states = w.getAsJsonArray("state");
            for (int i = 0; i < states.size(); i++) {
                weeks.put(
                        new IsoWeek(years.get(i).getAsInt(), numbers.get(i).getAsInt()),
                        ReviewState.valueOf(states.get(i).getAsString()));
            }
        }
        List<NewsItem> unshared = new ArrayList<>();
        for (JsonElement e : json(rs, "card_unshared_news")) {
            JsonObject n = e.getAsJsonObject();
            unshared.add(
                    new NewsItem(
                            n.get("id").getAsLong(),
                            m.teamId(),
                            m.userId(),
                            NewsKind.valueOf(string(n, "kind")),
                            string(n, "body"),
                            instant(n, "logged_at").orElseThrow(),
                            Optional.empty(),
                            Optional.ofNullable(string(n, "shared_with")),
                            instant(n, "acknowledged_at"),
                            Optional.empty(),
                            Optional.empty()));
        }
        return new CardRow(
                m,
                weeks,
                List.copyOf(unshared),
                forecasts(json(rs, "card_latest_forecasts"), m),
                forecasts(json(rs, "card_told_forecasts"), m));
    }

    private static List<Forecast> forecasts(JsonArray rows, Manager m) {
        List<Forecast> all = new ArrayList<>(rows.size());
        for (JsonElement e : rows) {
            JsonObject f = e.getAsJsonObject();
            all.add(
                    new Forecast(
                            f.get("id").getAsLong(),
                            m.teamId(),
                            m.userId(),
                            f.get("fiscal_year").getAsInt(),
                            f.get("quarter").getAsInt(),
                            new BigDecimal(string(f, "amount")),
                            Optional.ofNullable(string(f, "currency")).map(Currency::valueOf),
                            Optional.ofNullable(string(f, "note")),
                            instant(f, "recorded_at").orElseThrow(),
                            instant(f, "shared_at"),
                            Optional.ofNullable(string(f, "shared_with")),
                            Optional.ofNullable(string(f, "told_via")).map(ToldVia::valueOf)));
        }
        return all;
    }

    private static JsonArray json(ResultSet rs, String column) throws SQLException {
        return JsonParser.parseString(rs.getString(column)).getAsJsonArray();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static Optional<Instant> instant(JsonObject o, String key) {
        return Optional.ofNullable(string(o, key))
                .map(s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    }
}
