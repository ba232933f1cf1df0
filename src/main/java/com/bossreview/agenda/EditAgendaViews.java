package com.bossreview.agenda;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.bossreview.slack.ModalMetadata;
import com.bossreview.time.IsoWeek;
import com.slack.api.model.view.View;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Edit and send modal of the agenda. */
final class EditAgendaViews {
    static final String TEXT_BLOCK = "agenda_text";
    static final String TEXT_ACTION = "text";

    /** What the modal sends, read back from its private_metadata ({@link ModalMetadata}). */
    record Target(String week, boolean fromHome) {
        String metadata() {
            return new ModalMetadata(week, fromHome).text();
        }

        static Optional<Target> parse(String metadata) {
            ModalMetadata m = ModalMetadata.parse(metadata);
            try {
                return Optional.of(new Target(IsoWeek.parse(m.key()).toString(), m.fromHome()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private EditAgendaViews() {}

    static View modal(Target target, String text) {
        String prefill =
                text.length() <= EditedAgenda.MAX_CHARS
                        ? text
                        : text.substring(0, EditedAgenda.MAX_CHARS);
        return view(
                v ->
                        v.type("modal")
                                .callbackId(EditAgenda.CALLBACK)
                                .privateMetadata(target.metadata())
                                .title(viewTitle(t -> t.type("plain_text").text("Edit the agenda")))
                                .submit(viewSubmit(s -> s.type("plain_text").text("Send to boss")))
                                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                                .blocks(
                                        List.of(
                                                input(
                                                        i ->
                                                                i.blockId(TEXT_BLOCK)
                                                                        .label(
                                                                                plainText(
                                                                                        "What your boss gets"))
                                                                        .element(
                                                                                plainTextInput(
                                                                                        p ->
                                                                                                p.actionId(
                                                                                                                TEXT_ACTION)
                                                                                                        .multiline(
                                                                                                                true)
                                                                                                        .initialValue(
                                                                                                                prefill)
                                                                                                        .maxLength(
                                                                                                                EditedAgenda
                                                                                                                        .MAX_CHARS)))),
                                                context(
                                                        c ->
                                                                c.elements(
                                                                        List.of(
                                                                                markdownText(
                                                                                        "Send to boss sends this text as it"
                                                                                                + " is, once. News and figures you"
                                                                                                + " leave in count as told; news you"
                                                                                                + " delete or reword keeps its"
                                                                                                + " reminders. `*bold*` and"
                                                                                                + " `<@mentions>` stay; Cancel"
                                                                                                + " sends nothing.")))))));
    }

    static String empty() {
        return "The agenda can't be empty. Cancel to keep the draft unsent.";
    }

    static String tooLong(int length) {
        return "That's "
                + String.format(Locale.ENGLISH, "%,d", length)
                + " characters; the agenda can be at most "
                + String.format(Locale.ENGLISH, "%,d", EditedAgenda.MAX_CHARS)
                + ".";
    }

    static String outOfDate() {
        return "This agenda is out of date. Run /bossreview agenda for a fresh one. Nothing was sent.";
    }

    static String openFailed(String reason) {
        return ":warning: I couldn't open the agenda editor ("
                + reason
                + "). Nothing was sent — please try again in a minute.";
    }
}
