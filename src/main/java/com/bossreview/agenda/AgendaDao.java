package com.bossreview.agenda;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

public interface AgendaDao {
    record SentAgenda(Instant sentAt, String sentTo, String body) {
    }

    @SqlQuery("SELECT sent_at, sent_to, body FROM agenda_sent WHERE team_id = :team AND user_id = :user ORDER BY sent_at")
    @RegisterConstructorMapper(SentAgenda.class)
    List<SentAgenda> all(@Bind("team") String team, @Bind("user") String user);

    @SqlUpdate("""
            INSERT INTO agenda_sent (team_id, user_id, sent_at, sent_to, body)
            VALUES (:team, :user, :at, :boss, :body)""")
    void recordSent(@Bind("team") String team, @Bind("user") String user, @Bind("at") Instant at,
                    @Bind("boss") String boss, @Bind("body") String body);
}
