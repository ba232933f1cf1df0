package com.bossreview.agenda;

import com.bossreview.boss.Sent;
import com.bossreview.boss.SentLookup;
import java.util.Optional;

/** A sent agenda as the boss it was sent to answers it ({@code agenda:<agenda_sent id>}). */
public final class AgendaForBoss implements SentLookup {
    private final AgendaService agendas;

    public AgendaForBoss(AgendaService agendas) {
        this.agendas = agendas;
    }

    @Override
    public Optional<Sent> sentTo(String team, String boss, long id) {
        return agendas.sentTo(team, boss, id)
                .map(
                        a ->
                                new Sent(
                                        a.userId(),
                                        "your agenda for the weekly review"
                                                + a.week()
                                                        .flatMap(AgendaForBoss::dates)
                                                        .map(d -> " (" + d + ")")
                                                        .orElse("")));
    }

    /** The week people read ({@code 23–29 Nov}), not the ISO key the row stores. */
    private static Optional<String> dates(String week) {
        try {
            return Optional.of(com.bossreview.time.IsoWeek.parse(week).dates());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
