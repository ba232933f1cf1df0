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
        return agendas.sentTo(team, boss, id).map(a -> new Sent(a.userId(),
                "your agenda for the weekly review" + a.week().map(w -> " (" + w + ")").orElse("")));
    }
}
