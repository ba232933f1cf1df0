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
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.math.BigDecimal;
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

/**
 * The status card's one read, and the only statement status owns: the manager row with, as JSON columns, every
 * stored week, the open news (not told, not dismissed), and the latest forecast and the last one told to the boss
 * of each fiscal quarter. It answers on every {@code /bossreview} and App Home open, so it is one round trip on
 * one pooled connection instead of one question to each owner of {@code manager}, {@code weekly_review},
 * {@code news} and {@code forecast}. The manager part is {@link ManagerDao#COLUMNS}, mapped by
 * {@link ManagerMapper}; the JSON objects carry the owners' column names, read by {@link CardRowMapper} below.
 */
@RegisterRowMapper(StatusDao.CardRowMapper.class)
public interface StatusDao {
    /** A forecast row as JSON, by the columns' names. */
    String FORECAST_JSON = "json_build_object('id', f.id, 'fiscal_year', f.fiscal_year, 'quarter', f.quarter, "
            + "'amount', f.amount::text, 'currency', f.currency, 'note', f.note, "
            + "'recorded_at', f.recorded_at AT TIME ZONE 'UTC', 'shared_at', f.shared_at AT TIME ZONE 'UTC', "
            + "'shared_with', f.shared_with, 'told_via', f.told_via)";
    /** Timestamps go out as UTC wall time (to_json of a {@code timestamp}), so they come back to the microsecond. */
    String CARD_SQL = "SELECT " + ManagerDao.COLUMNS + """
            ,
              (SELECT coalesce(json_agg(json_build_object(
                        'iso_year', w.iso_year, 'iso_week', w.iso_week, 'state', w.state)), '[]')
                 FROM weekly_review w
                WHERE w.team_id = m.team_id AND w.user_id = m.user_id) AS card_weeks,
              (SELECT coalesce(json_agg(json_build_object(
                        'id', n.id, 'kind', n.kind, 'body', n.body, 'logged_at', n.logged_at AT TIME ZONE 'UTC',
                        'shared_with', n.shared_with, 'acknowledged_at', n.acknowledged_at AT TIME ZONE 'UTC')
                      ORDER BY n.logged_at, n.id), '[]')
                 FROM news n
                WHERE n.team_id = m.team_id AND n.user_id = m.user_id AND n.shared_at IS NULL
                  AND n.dismissed_at IS NULL) AS card_unshared_news,
              (SELECT coalesce(json_agg(""" + FORECAST_JSON + """
            ), '[]')
                 FROM (SELECT DISTINCT ON (fiscal_year, quarter) *
                         FROM forecast
                        WHERE team_id = m.team_id AND user_id = m.user_id
                        ORDER BY fiscal_year, quarter, recorded_at DESC, id DESC) f) AS card_latest_forecasts,
              (SELECT coalesce(json_agg(""" + FORECAST_JSON + """
            ), '[]')
                 FROM (SELECT DISTINCT ON (fiscal_year, quarter) *
                         FROM forecast
                        WHERE team_id = m.team_id AND user_id = m.user_id AND shared_at IS NOT NULL
                        ORDER BY fiscal_year, quarter, recorded_at DESC, id DESC) f) AS card_told_forecasts
            FROM manager m
            WHERE m.team_id = :team AND m.user_id = :user""";

    /** Empty for someone who never used bossreview (no manager row). */
    @SqlQuery(CARD_SQL)
    Optional<CardRow> card(@Bind("team") String team, @Bind("user") String user);

    /**
     * What {@link #CARD_SQL} read, before the moment picks this week and this quarter.
     *
     * @param latestForecasts the latest figure of each fiscal quarter
     * @param toldForecasts   the last figure told to the boss of each fiscal quarter
     */
    record CardRow(Manager manager, Map<IsoWeek, ReviewState> weeks, List<NewsItem> unsharedNews,
                   List<Forecast> latestForecasts, List<Forecast> toldForecasts) {
    }

    /** The manager by {@link ManagerMapper}; the JSON columns by the column names of their tables. */
    final class CardRowMapper implements RowMapper<CardRow> {
        private static final ManagerMapper MANAGERS = new ManagerMapper();

        @Override
        public CardRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            Manager m = MANAGERS.map(rs, ctx);
            Map<IsoWeek, ReviewState> weeks = new HashMap<>();
            for (JsonElement e : json(rs, "card_weeks")) {
                JsonObject w = e.getAsJsonObject();
                weeks.put(new IsoWeek(w.get("iso_year").getAsInt(), w.get("iso_week").getAsInt()),
                        ReviewState.valueOf(string(w, "state")));
            }
            List<NewsItem> unshared = new ArrayList<>();
            for (JsonElement e : json(rs, "card_unshared_news")) {
                JsonObject n = e.getAsJsonObject();
                unshared.add(new NewsItem(n.get("id").getAsLong(), m.teamId(), m.userId(), NewsKind.valueOf(string(n, "kind")),
                        string(n, "body"), instant(n, "logged_at").orElseThrow(), Optional.empty(),
                        Optional.ofNullable(string(n, "shared_with")), instant(n, "acknowledged_at"), Optional.empty(),
                        Optional.empty()));
            }
            return new CardRow(m, weeks, List.copyOf(unshared), forecasts(json(rs, "card_latest_forecasts"), m),
                    forecasts(json(rs, "card_told_forecasts"), m));
        }

        private static List<Forecast> forecasts(JsonArray rows, Manager m) {
            List<Forecast> all = new ArrayList<>(rows.size());
            for (JsonElement e : rows) {
                JsonObject f = e.getAsJsonObject();
                all.add(new Forecast(f.get("id").getAsLong(), m.teamId(), m.userId(), f.get("fiscal_year").getAsInt(),
                        f.get("quarter").getAsInt(), new BigDecimal(string(f, "amount")),
                        Optional.ofNullable(string(f, "currency")).map(Currency::valueOf), Optional.ofNullable(string(f, "note")),
                        instant(f, "recorded_at").orElseThrow(), instant(f, "shared_at"),
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
            return Optional.ofNullable(string(o, key)).map(s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        }
    }
}
