package com.bossreview.boss;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.bossreview.slack.Mrkdwn;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The boss's side of every DM: the introduction, the three answer buttons, the answers, the
 * question form.
 */
public final class BossReplyViews {
    public static final String THANKS = "boss_thanks";
    public static final String LETS_TALK = "boss_lets_talk";
    public static final String ASK = "boss_ask";

    /**
     * The single "Thanks — let's talk" button of news DMs sent before the three buttons: a Let's
     * talk.
     */
    public static final String LEGACY_ACK_NEWS = "boss_ack_news";

    public static final String ASK_MODAL = "boss_ask_modal";
    public static final String QUESTION_BLOCK = "boss_question";
    public static final String QUESTION_ACTION = "question";
    static final String ACTIONS_BLOCK = "boss_reply";
    private static final Set<String> ANSWER_BUTTONS =
            Set.of(THANKS, LETS_TALK, ASK, LEGACY_ACK_NEWS);

    /** A message: the notification text and its blocks. */
    public record Message(String text, List<LayoutBlock> blocks) {}

    private BossReplyViews() {}

    /**
     * A DM to the boss: the introduction if {@code introducedBy} is set, the feature's blocks, the
     * buttons.
     */
    static List<LayoutBlock> dm(String introducedBy, Subject subject, List<LayoutBlock> body) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (introducedBy != null) {
            blocks.add(
                    section(
                            s ->
                                    s.text(
                                            markdownText(
                                                    ":wave: <@"
                                                            + introducedBy
                                                            + "> uses *bossreview* to keep you "
                                                            + "informed; you get only what they choose to send."))));
            blocks.add(
                    context(
                            c ->
                                    c.elements(
                                            List.of(
                                                    markdownText(
                                                            "Answer with the buttons: *Thanks*, *Let's talk* "
                                                                    + "or *Ask a question* — <@"
                                                                    + introducedBy
                                                                    + "> hears which you chose.")))));
        }
        blocks.addAll(body);
        String value = subject.value();
        blocks.add(
                actions(
                        a ->
                                a.blockId(ACTIONS_BLOCK)
                                        .elements(
                                                List.of(
                                                        button(
                                                                b ->
                                                                        b.actionId(THANKS)
                                                                                .value(value)
                                                                                .text(
                                                                                        plainText(
                                                                                                "Thanks"))),
                                                        button(
                                                                b ->
                                                                        b.actionId(LETS_TALK)
                                                                                .value(value)
                                                                                .style("primary")
                                                                                .text(
                                                                                        plainText(
                                                                                                "Let's talk"))),
                                                        button(
                                                                b ->
                                                                        b.actionId(ASK)
                                                                                .value(value)
                                                                                .text(
                                                                                        plainText(
                                                                                                "Ask a question")))))));
        return blocks;
    }

    /**
     * The boss's DM once they said thanks or asked to talk: the message stays, the buttons go, the
     * answer shows.
     */
    static List<LayoutBlock> answered(List<LayoutBlock> shown, BossReply reply, String manager) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (LayoutBlock block : shown) {
            if (!(block instanceof ActionsBlock a && hasAnswerButton(a))) {
                blocks.add(block);
            }
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(answeredText(reply, manager))))));
        return blocks;
    }

    static String answeredText(BossReply reply, String manager) {
        return switch (reply) {
            case THANKS -> ":white_check_mark: You said thanks — <@" + manager + "> has been told.";
            case LETS_TALK ->
                    ":white_check_mark: <@" + manager + "> has been told you'd like to talk.";
            case ASK -> ":white_check_mark: Your question went to <@" + manager + ">.";
        };
    }

    /**
     * What the manager gets: what the boss chose, and for a question the question itself, quoted.
     */
    static Message toManager(BossReply reply, String boss, Sent sent, String question) {
        String who = "<@" + boss + ">";
        return switch (reply) {
            case THANKS -> plain(":pray: " + who + " says thanks for " + sent.about() + ".");
            case LETS_TALK ->
                    plain(
                            ":speech_balloon: "
                                    + who
                                    + " would like to talk about "
                                    + sent.about()
                                    + ". Find a moment soon, or put it first on your next review's agenda.");
            case ASK -> {
                String lead = ":question: " + who + " asks about " + sent.about() + ":";
                List<LayoutBlock> blocks = new ArrayList<>();
                blocks.add(section(s -> s.text(markdownText(lead))));
                blocks.addAll(Quote.sections(question));
                blocks.add(
                        context(
                                c ->
                                        c.elements(
                                                List.of(
                                                        markdownText(
                                                                "Answer "
                                                                        + who
                                                                        + " directly: bossreview passes on their question, not your reply.")))));
                yield new Message(
                        ":question: " + who + " asked you a question about " + sent.about() + ".",
                        blocks);
            }
        };
    }

    /** The boss's confirmation of a question sent, quoting it. */
    static Message asked(String manager, String question) {
        String text = answeredText(BossReply.ASK, manager);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.addAll(Quote.sections(question));
        return new Message(text, blocks);
    }

    /**
     * The question could not be passed on: the boss gets it back, so nothing they typed is lost.
     */
    static Message askNotSent(String manager, String reason, String question) {
        String text =
                ":warning: I couldn't pass your question to "
                        + (manager == null ? "them" : "<@" + manager + ">")
                        + " just now ("
                        + Mrkdwn.escape(reason)
                        + "). It was NOT sent — here it is, to ask again with the button:";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text))));
        blocks.addAll(Quote.sections(question));
        return new Message(text, blocks);
    }

    /** The question form; {@code private_metadata} names what it asks about. */
    static View askModal(Subject subject, Sent sent) {
        return view(
                v ->
                        v.type("modal")
                                .callbackId(ASK_MODAL)
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
                                                                i.blockId(QUESTION_BLOCK)
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
                                                                                                                QUESTION_ACTION)
                                                                                                        .multiline(
                                                                                                                true)
                                                                                                        .maxLength(
                                                                                                                BossReplies
                                                                                                                        .QUESTION_MAX)
                                                                                                        .placeholder(
                                                                                                                plainText(
                                                                                                                        "e.g. What would help you close it?"))))))));
    }

    static String alreadyAnswered(BossReply reply, String manager) {
        return ":white_check_mark: You already "
                + (reply == BossReply.THANKS ? "said thanks" : "asked to talk")
                + " — <@"
                + manager
                + "> knows. Nothing was sent again.";
    }

    static String notYours() {
        return ":no_entry: That button isn't yours to answer, or what it answers no longer exists. "
                + "Nothing was sent or changed.";
    }

    static String notSent(String manager, String reason) {
        return ":warning: I couldn't reach "
                + (manager == null ? "them" : "<@" + manager + ">")
                + " just now ("
                + Mrkdwn.escape(reason)
                + "). Your answer was NOT sent — please click again in a minute.";
    }

    static String failed(String reason) {
        return ":warning: Something went wrong ("
                + Mrkdwn.escape(reason)
                + "). Nothing was sent — please click "
                + "again in a minute.";
    }

    static String formFailed(String reason) {
        return ":warning: I couldn't open the question form ("
                + Mrkdwn.escape(reason)
                + "). Please click "
                + "*Ask a question* again.";
    }

    private static Message plain(String text) {
        return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    private static boolean hasAnswerButton(ActionsBlock block) {
        for (BlockElement e :
                block.getElements() == null ? List.<BlockElement>of() : block.getElements()) {
            if (e instanceof ButtonElement b && ANSWER_BUTTONS.contains(b.getActionId())) {
                return true;
            }
        }
        return false;
    }
}
