package com.bossreview.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The sync's side of {@code crm_connection} and its {@code crm_deal}, {@code crm_deal_news}. */
public interface CrmSyncDao {
    /** A connection taken for a sync: whose it is and how far its deals have been read. */
    record Due(
            long id,
            String teamId,
            String userId,
            String provider,
            String connectedBy,
            Instant watermarkAt,
            String watermarkId,
            int syncFailures,
            Instant baselineAt,
            String watchedOwners) {
        /** Where the next read starts. */
        Watermark watermark() {
            return new Watermark(watermarkAt, watermarkId);
        }
    }

    /**
     * Connections due a sync, each taken by one instance: their next sync is moved {@code lease}
     * ahead at once, so another instance does not read the same CRM meanwhile (as the calendar's
     * {@code claimDue}).
     */
    @SqlQuery(
            """
            UPDATE crm_connection c SET next_sync_at = :leaseUntil
            FROM (SELECT id FROM crm_connection
                  WHERE revoked_at IS NULL AND next_sync_at <= :now
                  ORDER BY next_sync_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
            WHERE c.id = due.id
            RETURNING c.id, c.team_id, c.user_id, c.provider, c.connected_by, c.watermark_at,
                      c.watermark_id, c.sync_failures, c.baseline_at, c.watched_owners""")
    @RegisterConstructorMapper(Due.class)
    List<Due> claimDue(
            @Bind("now") Instant now,
            @Bind("leaseUntil") Instant leaseUntil,
            @Bind("limit") int limit);

    /** The changes up to {@code watermark} are stored: the next read starts there. */
    @SqlUpdate(
            """
            UPDATE crm_connection SET watermark_at = :at, watermark_id = :lastId
            WHERE id = :id""")
    int moved(@Bind("id") long id, @Bind("at") Instant at, @Bind("lastId") String lastId);

    /** The owners whose deals have been read as they stand ({@code CrmSync}), comma-separated. */
    @SqlUpdate("UPDATE crm_connection SET watched_owners = :owners WHERE id = :id")
    int watching(@Bind("id") long id, @Bind("owners") String owners);

    /** The watched deals were read as they stand ({@code CrmSync}'s baseline). */
    @SqlUpdate("UPDATE crm_connection SET baseline_at = :now WHERE id = :id")
    int baselined(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE crm_connection SET next_sync_at = :next, sync_failures = 0 WHERE id = :id")
    int synced(@Bind("id") long id, @Bind("next") Instant next);

    @SqlUpdate(
            """
            UPDATE crm_connection SET next_sync_at = :next, sync_failures = sync_failures + 1
            WHERE id = :id""")
    int failed(@Bind("id") long id, @Bind("next") Instant next);

    /** A manager a connection serves, with their {@code settings crm-owners} as stored. */
    record Served(String userId, String crmOwners) {}

    /**
     * The managers a connection serves: its own manager ({@code user} set), or the workspace's
     * managers without a CRM connection of their own ({@code user} null).
     */
    @SqlQuery(
            """
            SELECT m.user_id, m.crm_owners FROM manager m
            WHERE m.team_id = :team
              AND (m.user_id = :user OR (CAST(:user AS text) IS NULL AND NOT EXISTS (
                SELECT 1 FROM crm_connection c WHERE c.team_id = m.team_id AND c.user_id = m.user_id)))
            ORDER BY m.user_id""")
    @RegisterConstructorMapper(Served.class)
    List<Served> served(@Bind("team") String team, @Bind("user") String userOrNull);

    /** A deal as stored. */
    record Snapshot(
            String dealId,
            String ownerId,
            String name,
            BigDecimal amount,
            String currency,
            LocalDate closeDate,
            String stage,
            boolean closed,
            boolean won,
            String forecastCategory,
            Instant modifiedAt) {}

    /**
     * The stored deals among {@code dealIds} of this manager in this connection, locked until the
     * transaction that stores their new state ends.
     */
    @SqlQuery(
            """
            SELECT deal_id, owner_id, name, amount, currency, close_date, stage, closed, won,
                   forecast_category, modified_at
            FROM crm_deal WHERE connection_id = :id AND user_id = :user AND deal_id IN (<deals>)
            ORDER BY deal_id
            FOR UPDATE""")
    @RegisterConstructorMapper(Snapshot.class)
    List<Snapshot> snapshots(
            @Bind("id") long connectionId,
            @Bind("user") String user,
            @BindList("deals") List<String> dealIds);

    /** Stores each deal's new state, one statement batch for a page of deals. */
    @SqlBatch(
            """
            INSERT INTO crm_deal (connection_id, team_id, user_id, deal_id, owner_id, name, amount, currency,
                                  close_date, stage, closed, won, forecast_category, modified_at)
            VALUES (:id, :team, :user, :d.id, :d.ownerId, :d.name, :d.amount, :d.currency, :d.closeDate,
                    :d.stage, :d.closed, :d.won, :d.forecastCategory, :d.modifiedAt)
            ON CONFLICT (connection_id, user_id, deal_id) DO UPDATE SET
                owner_id = EXCLUDED.owner_id, name = EXCLUDED.name, amount = EXCLUDED.amount,
                currency = EXCLUDED.currency, close_date = EXCLUDED.close_date, stage = EXCLUDED.stage,
                closed = EXCLUDED.closed, won = EXCLUDED.won, forecast_category = EXCLUDED.forecast_category,
                modified_at = EXCLUDED.modified_at""")
    void store(
            @Bind("id") long connectionId,
            @Bind("team") String team,
            @Bind("user") String user,
            @BindMethods("d") List<Deal> deals);

    /**
     * The manager's deals that may make their commit for a quarter ({@code CrmForecast} picks
     * them): open deals and deals closed won, each with a close date in {@code [from, to]}. A deal
     * stored by two connections (the manager's own and a workspace's) counts once, as last changed.
     */
    @SqlQuery(
            """
            SELECT deal_id, owner_id, name, amount, currency, close_date, stage, closed, won,
                   forecast_category, modified_at
            FROM (SELECT DISTINCT ON (deal_id) * FROM crm_deal
                  WHERE team_id = :team AND user_id = :user
                  ORDER BY deal_id, modified_at DESC) d
            WHERE close_date BETWEEN :from AND :to AND (NOT closed OR won)
            ORDER BY deal_id""")
    @RegisterConstructorMapper(Snapshot.class)
    List<Snapshot> closingIn(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to);

    /** A change worth telling; nothing when this (deal, kind, modified_at) was seen already. */
    @SqlUpdate(
            """
            INSERT INTO crm_deal_news (connection_id, team_id, user_id, deal_id, kind, modified_at, headline)
            VALUES (:id, :team, :user, :deal, :kind, :modifiedAt, :headline)
            ON CONFLICT DO NOTHING""")
    int noticed(
            @Bind("id") long connectionId,
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("deal") String dealId,
            @Bind("kind") String kind,
            @Bind("modifiedAt") Instant modifiedAt,
            @Bind("headline") String headline);

    /** A noticed change not told yet. */
    record Untold(
            String teamId,
            String userId,
            String dealId,
            String kind,
            Instant modifiedAt,
            String headline,
            Long newsId) {}

    @SqlQuery(
            """
            SELECT team_id, user_id, deal_id, kind, modified_at, headline, news_id FROM crm_deal_news
            WHERE connection_id = :id AND dm_at IS NULL ORDER BY modified_at, deal_id, kind""")
    @RegisterConstructorMapper(Untold.class)
    List<Untold> untold(@Bind("id") long connectionId);

    @SqlUpdate(
            """
            UPDATE crm_deal_news SET news_id = :newsId
            WHERE connection_id = :id AND user_id = :user AND deal_id = :deal AND kind = :kind
              AND modified_at = :modifiedAt""")
    int drafted(
            @Bind("id") long connectionId,
            @Bind("user") String user,
            @Bind("deal") String dealId,
            @Bind("kind") String kind,
            @Bind("modifiedAt") Instant modifiedAt,
            @Bind("newsId") long newsId);

    @SqlUpdate(
            """
            UPDATE crm_deal_news SET dm_at = :now
            WHERE connection_id = :id AND user_id = :user AND deal_id = :deal AND kind = :kind
              AND modified_at = :modifiedAt""")
    int told(
            @Bind("id") long connectionId,
            @Bind("user") String user,
            @Bind("deal") String dealId,
            @Bind("kind") String kind,
            @Bind("modifiedAt") Instant modifiedAt,
            @Bind("now") Instant now);

    /** When the CRM change behind a drafted news item happened. */
    record NewsChange(long newsId, Instant modifiedAt) {}

    /**
     * The CRM change time of each of these news items that the sync drafted (the earliest, should
     * two changes have drafted one item); items typed by hand are left out. The scorecard measures
     * bad-news latency from it: the boss's clock starts when the deal changed, not when we noticed.
     */
    @SqlQuery(
            """
            SELECT news_id, min(modified_at) AS modified_at FROM crm_deal_news
             WHERE team_id = ANY(:teams) AND news_id = ANY(:newsIds)
             GROUP BY news_id""")
    @RegisterConstructorMapper(NewsChange.class)
    List<NewsChange> changeTimes(@Bind("teams") String[] teams, @Bind("newsIds") long[] newsIds);
}
