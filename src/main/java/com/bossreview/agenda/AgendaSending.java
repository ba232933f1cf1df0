package com.bossreview.agenda;

import com.bossreview.boss.BossDms;
import com.bossreview.boss.ShareWithBoss;
import com.bossreview.boss.Subject;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.time.IsoWeek;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends a manager's agenda to their boss once, as drafted ({@code send_agenda}) or as they edited
 * it ({@link EditAgenda}), and answers the manager on the surface they acted on. Once the boss has
 * the agenda, it goes into the week's review event as well when the manager's calendar is connected
 * ({@link ReviewEvent}); the DM stands whatever the calendar does. Runs after the ack.
 */
final class AgendaSending {
    private final AgendaService agendas;
    private final ManagerService managers;
    private final ShareWithBoss shareWithBoss;
    private final AfterAck afterAck;
    private final Clock clock;
    private final Optional<ReviewEvent> reviewEvent;

    AgendaSending(
            AgendaService agendas,
            ManagerService managers,
            BossDms bossDms,
            AfterAck afterAck,
            Clock clock,
            Optional<ReviewEvent> reviewEvent) {
        this.agendas = agendas;
        this.managers = managers;
        this.shareWithBoss = new ShareWithBoss(bossDms);
        this.afterAck = afterAck;
        this.clock = clock;
        this.reviewEvent = reviewEvent;
    }

    /**
     * The manager, when {@code week} (from a button or a modal, so from the client) names a week
     * whose agenda can still be sent: last, this or next week in their zone.
     */
    Optional<Manager> sendable(String team, String user, String week) {
        return managers.find(team, user).filter(m -> isThisOrNextWeek(week, m));
    }

    private boolean isThisOrNextWeek(String value, Manager m) {
        IsoWeek now = IsoWeek.of(m.today(clock.instant()));
        return value != null
                && (value.equals(now.toString())
                        || value.equals(now.next().toString())
                        || value.equals(now.previous().toString()));
    }

    /** Queues the sending after the ack; its failure is told to the manager. */
    void sendAfterAck(Clicks.Click click, Manager m, String week, Optional<String> edited) {
        afterAck.run(
                "send_agenda",
                () -> send(click, m, week, edited),
                reason -> click.note(AgendaSendViews.notSent(m.bossUserId().orElse(null), reason)));
    }

    private void send(Clicks.Click click, Manager m, String week, Optional<String> edited) {
        Optional<AgendaService.SendOutcome> shared =
                shareWithBoss.share(
                        click,
                        Optional.of(m),
                        "agenda " + week,
                        dm ->
                                agendas.send(
                                        m,
                                        week,
                                        edited,
                                        (body, boss, sentId) ->
                                                dm.send(
                                                        boss,
                                                        Subject.agenda(sentId),
                                                        AgendaSendViews.forBossText(click.user()),
                                                        AgendaSendViews.forBoss(
                                                                body, click.user()))),
                        AgendaSendViews::notSent);
        if (shared.isEmpty()) {
            return;
        }
        switch (shared.get()) {
            case AgendaService.SendOutcome.Sent sent -> {
                // Only the click that claimed the week gets here: added once per week.
                boolean inCalendar =
                        reviewEvent
                                .map(e -> e.addAgenda(m, IsoWeek.parse(week), calendarText(sent)))
                                .orElse(false);
                click.replace(
                        AgendaSendViews.sentText(sent.boss(), inCalendar),
                        AgendaSendViews.sent(sent.boss(), inCalendar));
            }
            case AgendaService.SendOutcome.AlreadySent already ->
                    click.note(AgendaSendViews.alreadySent(already.boss(), already.at(), m));
            case AgendaService.SendOutcome.NoBoss _ -> click.note(AgendaSendViews.noBoss());
        }
    }

    private static String calendarText(AgendaService.SendOutcome.Sent sent) {
        return sent.edited()
                .map(e -> AgendaViews.CALENDAR_HEADING + e)
                .orElseGet(() -> AgendaViews.calendarText(sent.agenda()));
    }
}
