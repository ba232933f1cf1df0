package com.bossreview.manager;

import com.bossreview.time.ClockStyle;
import com.bossreview.time.PrimeHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class ManagerMapper implements RowMapper<Manager> {
    @Override
    public Manager map(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<ReviewSlot> slot = Optional.empty();
        if (rs.getObject("review_day") != null && rs.getObject("review_time") != null) {
            slot =
                    Optional.of(
                            new ReviewSlot(
                                    DayOfWeek.of(rs.getInt("review_day")),
                                    rs.getObject("review_time", LocalTime.class)));
        }
        return new Manager(
                rs.getString("team_id"),
                rs.getString("user_id"),
                Optional.ofNullable(rs.getString("boss_user_id")),
                ZoneId.of(rs.getString("time_zone")),
                Optional.ofNullable(rs.getTimestamp("zone_checked_at")).map(Timestamp::toInstant),
                rs.getBoolean("zone_explicit"),
                slot,
                PrimeHours.parse(rs.getString("prime_hours")),
                Month.of(rs.getInt("fiscal_start_month")),
                DayOfWeek.of(rs.getInt("booking_nudge_day")),
                rs.getObject("booking_nudge_time", LocalTime.class),
                Duration.ofMinutes(rs.getInt("bad_news_after_minutes")),
                Arrays.stream(rs.getString("quarter_nudge_days").split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(Integer::valueOf)
                        .toList(),
                rs.getInt("prep_lead_days"),
                rs.getBoolean("nudges_enabled"),
                Optional.ofNullable(rs.getObject("paused_until", java.time.LocalDate.class)),
                rs.getTimestamp("created_at").toInstant(),
                ClockStyle.of(Optional.ofNullable(rs.getString("locale"))));
    }
}
