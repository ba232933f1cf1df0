package com.bossreview.boss;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.bossreview.slack.Mrkdwn;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;

/** The boss's question: the form, its confirmation, and the question handed back when it failed. */
final class AskViews {
    private AskViews() {}

    /** The boss's confirmation of a question sent, quoting it. */
    static BossReplyViews.Message asked(String manager, String question) {
        String text = BossReplyViews.answeredText(BossReply.ASK, Subject.Kind.NEWS, manager);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.addAll(Quote.sections(question));
        return new BossReplyViews.Message(text, blocks);
    }

    /**
     * The question could not be passed on: the boss gets it back, so nothing they typed is lost.
     */
    static BossReplyViews.Message askNotSent(String manager, String reason, String question) {
        String text =
                ":warning: I couldn't pass your question to "
                        + (manager == null ? "them" : "<@" + manager + ">")
                        + " just now ("
                        + Mrkdwn.escape(reason)
                        + "). It was NOT sent — here it is, to ask again with the button:";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.addAll(Quote.sections(question));
        return new BossReplyViews.Message(text, blocks);
    }

    /** The question form; {@code private_metadata} names what it asks about. */
    static View askModal(Subject subject, Sent sent) {
        return view(
                v ->
                        v.type("modal")
                                .callbackId(BossReplyViews.ASK_MODAL)
                                .privateMetadata(subject.value())
                                .title(viewTitle(t -> t.type("plain_text").text("Ask a question")))
                                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                                .blocks(
                                        List.of(
                                                section(
                                                        s ->
                                                                s.text(
                                                                        markdownText(
                                                                                "Your question goes to <@"
                                                                                        + sent
                                                                                                .managerId()
                                                                                        + "> as a direct message, about "
                                                                                        + sent
                                                                                                .about()
                                                                                        + "."))),
                                                input(
                                                        i ->
                                                                i.blockId(
                                                                                BossReplyViews
                                                                                        .QUESTION_BLOCK)
                                                                        .label(
                                                                                plainText(
                                                                                        "Your question"))
                                                                        .hint(
                                                                                plainText(
                                                                                        "Up to "
                                                                                                + BossReplies
                                                                                                        .QUESTION_MAX
                                                                                                + " characters."))
                                                                        .element(
                                                                                plainTextInput(
                                                                                        p ->
                                                                                                p.actionId(
                                                                                                                BossReplyViews
                                                                                                                        .QUESTION_ACTION)
                                                                                                        .multiline(
                                                                                                                true)
                                                                                                        .maxLength(
                                                                                                                BossReplies
                                                                                                                        .QUESTION_MAX)
                                                                                                        .placeholder(
                                                                                                                plainText(
                                                                                                                        "e.g. What would help you close it?"))))))));
    }
}
