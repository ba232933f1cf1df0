package com.bossreview.agenda;

import com.bossreview.boss.Sent;
import com.bossreview.boss.SentItem;
import com.bossreview.boss.SentLookup;
import com.bossreview.boss.SentSource;
import com.bossreview.boss.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A sent agenda as the boss it was sent to answers it ({@code agenda:<agenda_sent id>}) and lists
 * it.
 */
public final class AgendaForBoss implements SentLookup, SentSource {
    private final AgendaService agendas;

    public AgendaForBoss(AgendaService agendas) {
        this.agendas = agendas;
    }

    @Override
    public Optional<Sent> sentTo(String team, String boss, long id) {
        return agendas.sentTo(team, boss, id)
                .map(a -> new Sent(a.userId(), "your agenda for the weekly review" + dates(a)));
    }

    @Override
    public List<SentItem> sentTo(
            String team, String boss, Instant since, Instant until, int limit) {
        return agendas.sentToBoss(team, boss, since, until, limit).stream()
                .map(
                        a ->
                                new SentItem(
                                        Subject.agenda(a.id()),
                                        a.userId(),
                                        a.sentAt(),
                                        ":clipboard: Agenda for the weekly review" + dates(a),
                                        false))
                .toList();
    }

    /** The week people read ({@code (23–29 Nov)}), not the ISO key the row stores. */
    private static String dates(AgendaDao.SentTo a) {
        return a.week().flatMap(AgendaForBoss::dates).map(d -> " (" + d + ")").orElse("");
    }

    private static Optional<String> dates(String week) {
        try {
            return Optional.of(com.bossreview.time.IsoWeek.parse(week).dates());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
