package com.bossreview.agenda;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsText;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.ModalInput;
import com.bossreview.slack.SlackApi;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.Optional;

/**
 * Edit and send: the {@code edit_agenda} button on the draft opens a modal with the agenda's text;
 * submitting it sends that text to the boss (submit = send: a saved edit that a later Send could
 * silently miss, or overwrite, would be worse than one step). The week's agenda is still sent once:
 * a modal submitted after Send to boss, or Send clicked after the modal, finds it sent.
 */
final class EditAgenda implements Listeners {
    static final String EDIT_AGENDA = "edit_agenda";
    static final String CALLBACK = "agenda_edit";

    private final AgendaService agendas;
    private final AgendaSending sending;
    private final Clicks clicks;
    private final SlackApi slack;
    private final AfterAck afterAck;

    EditAgenda(
            AgendaService agendas,
            AgendaSending sending,
            Clicks clicks,
            SlackApi slack,
            AfterAck afterAck) {
        this.agendas = agendas;
        this.sending = sending;
        this.clicks = clicks;
        this.slack = slack;
        this.afterAck = afterAck;
    }

    @Override
    public void register(CommandRouter commands, App app) {
        app.blockAction(EDIT_AGENDA, this::open);
        app.viewSubmission(CALLBACK, this::submitted);
    }

    private Response open(BlockActionRequest req, ActionContext ctx) {
        Clicks.Click click = clicks.of(req, ctx);
        String week = ButtonValue.clicked(req);
        String trigger = req.getPayload().getTriggerId();
        afterAck.run(
                "agenda edit modal",
                () -> {
                    Optional<Manager> m = sending.sendable(click.team(), click.user(), week);
                    if (m.isEmpty()) {
                        click.note(AgendaSendViews.outOfDate());
                        return;
                    }
                    Optional<AgendaDao.SentAgenda> sent = agendas.sentFor(m.get(), week);
                    if (sent.isPresent()) {
                        click.note(
                                AgendaSendViews.alreadySent(
                                        sent.get().sentTo(), sent.get().sentAt(), m.get()));
                        return;
                    }
                    var target =
                            new EditAgendaViews.Target(
                                    week, click.surface() == Clicks.Surface.HOME);
                    slack.openModal(
                            click.team(),
                            trigger,
                            EditAgendaViews.modal(
                                    target, AgendaViews.editableText(agendas.build(m.get()))));
                },
                reason -> click.note(EditAgendaViews.openFailed(reason)));
        return ctx.ack();
    }

    private Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        String team = req.getPayload().getTeam().getId();
        String user = req.getPayload().getUser().getId();
        Optional<EditAgendaViews.Target> target =
                EditAgendaViews.Target.parse(req.getPayload().getView().getPrivateMetadata());
        Optional<Manager> m = target.flatMap(t -> sending.sendable(team, user, t.week()));
        if (m.isEmpty()) {
            return error(ctx, EditAgendaViews.outOfDate());
        }
        String week = target.get().week();
        NewsText.Checked checked =
                NewsText.check(
                        ModalInput.typed(
                                req, EditAgendaViews.TEXT_BLOCK, EditAgendaViews.TEXT_ACTION),
                        EditedAgenda.MAX_CHARS);
        if (checked instanceof NewsText.Invalid invalid) {
            return error(
                    ctx,
                    invalid.problem() == NewsText.Problem.EMPTY
                            ? EditAgendaViews.empty()
                            : EditAgendaViews.tooLong(invalid.length()));
        }
        Optional<AgendaDao.SentAgenda> sent = agendas.sentFor(m.get(), week);
        if (sent.isPresent()) {
            return error(
                    ctx,
                    AgendaSendViews.alreadySent(sent.get().sentTo(), sent.get().sentAt(), m.get()));
        }
        // A modal has no response_url: the answer is a DM, or the Home tab it was opened from.
        sending.sendAfterAck(
                clicks.ofModal(team, user, target.get().fromHome()),
                m.get(),
                week,
                Optional.of(((NewsText.Valid) checked).body()));
        return ctx.ack();
    }

    private static Response error(ViewSubmissionContext ctx, String text) {
        return ctx.ackWithErrors(Map.of(EditAgendaViews.TEXT_BLOCK, text));
    }
}
