package com.bossreview.boss;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.bossreview.slack.Mrkdwn;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
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
     * The acknowledging button's word: news is thanked for, a forecast or an agenda is taken in
     * ("Got it"). Its action id is {@link #THANKS} either way, so DMs already sent keep working.
     */
    static String ackLabel(Subject.Kind kind) {
        return kind == Subject.Kind.NEWS ? "Thanks" : "Got it";
    }

    /**
     * A DM to the boss: the introduction if {@code introducedBy} is set, the feature's blocks, the
     * buttons.
     */
    static List<LayoutBlock> dm(String introducedBy, Subject subject, List<LayoutBlock> body) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String ack = ackLabel(subject.kind());
        if (introducedBy != null) {
            String who = "<@" + introducedBy + ">";
            blocks.add(
                    section(
                            s ->
                                    s.text(
                                            markdownText(
                                                    ":wave: "
                                                            + who
                                                            + " uses *bossreview* to keep you "
                                                            + "informed; you get only what they choose to send."))));
            String how =
                    "Answer with the buttons: *"
                            + ack
                            + "*, *Let's talk* or *Ask a question* — "
                            + who
                            + " hears which you chose.";
            blocks.add(context(c -> c.elements(List.of(markdownText(how)))));
        }
        blocks.addAll(body);
        String value = subject.value();
        blocks.add(
                actions(
                        a ->
                                a.blockId(ACTIONS_BLOCK)
                                        .elements(
                                                List.of(
                                                        button(THANKS, value, ack, null),
                                                        button(
                                                                LETS_TALK,
                                                                value,
                                                                "Let's talk",
                                                                "primary"),
                                                        button(
                                                                ASK,
                                                                value,
                                                                "Ask a question",
                                                                null)))));
        return blocks;
    }

    /** An answer button naming {@code value}; {@code style} null for the default look. */
    static ButtonElement button(String actionId, String value, String label, String style) {
        return ButtonElement.builder()
                .actionId(actionId)
                .value(value)
                .style(style)
                .text(plainText(label))
                .build();
    }

    /**
     * The boss's DM once they said thanks or asked to talk: the message stays, the buttons go, the
     * answer shows.
     */
    static List<LayoutBlock> answered(
            List<LayoutBlock> shown, BossReply reply, Subject.Kind kind, String manager) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (LayoutBlock block : shown) {
            if (!(block instanceof ActionsBlock a && hasAnswerButton(a))) {
                blocks.add(block);
            }
        }
        String text = answeredText(reply, kind, manager);
        blocks.add(context(c -> c.elements(List.of(markdownText(text)))));
        return blocks;
    }

    static String answeredText(BossReply reply, Subject.Kind kind, String manager) {
        return switch (reply) {
            case THANKS ->
                    kind == Subject.Kind.NEWS
                            ? ":white_check_mark: You said thanks — <@"
                                    + manager
                                    + "> has been told."
                            : ":white_check_mark: Got it — <@" + manager + "> has been told.";
            case LETS_TALK ->
                    ":white_check_mark: <@" + manager + "> has been told you'd like to talk.";
            case ASK -> ":white_check_mark: Your question went to <@" + manager + ">.";
        };
    }

    /**
     * What the manager gets: what the boss chose, and for a question the question itself, quoted.
     */
    static Message toManager(
            BossReply reply, Subject.Kind kind, String boss, Sent sent, String question) {
        String who = "<@" + boss + ">";
        return switch (reply) {
            case THANKS ->
                    plain(
                            kind == Subject.Kind.NEWS
                                    ? ":pray: " + who + " says thanks for " + sent.about() + "."
                                    : ":+1: " + who + " got " + sent.about() + ".");
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

    static String alreadyAnswered(BossReply reply, Subject.Kind kind, String manager) {
        return ":white_check_mark: You already "
                + (reply != BossReply.THANKS
                        ? "asked to talk"
                        : kind == Subject.Kind.NEWS ? "said thanks" : "said got it")
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

    /**
     * The manager's "thanks" DM with the light coffee line under it: after a win, at most every two
     * weeks.
     */
    static Message withCoffee(Message thanks, String boss) {
        List<LayoutBlock> blocks = new ArrayList<>(thanks.blocks());
        blocks.add(context(c -> c.elements(List.of(markdownText(coffeeLine(boss))))));
        return new Message(thanks.text(), blocks);
    }

    static String coffeeLine(String boss) {
        return ":coffee: A win worth celebrating — coffee with <@"
                + boss
                + ">? `/bossreview social <what>` logs it.";
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
