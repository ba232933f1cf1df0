package com.bossreview.forecast;

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

import com.bossreview.command.Subcommand;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.FiscalQuarter;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Everything the forecast feature shows: replies, the boss's DM, the modal. */
public final class ForecastViews {
    /** Button: send this forecast (value = forecast id) to the boss. */
    public static final String SHARE_FORECAST = "share_forecast";

    /**
     * Button: open the forecast modal (value unused; the status card, App Home and nudges emit it
     * too).
     */
    public static final String OPEN_FORECAST_MODAL = "open_forecast_modal";

    public static final String MODAL_CALLBACK = "forecast_modal";

    /**
     * The modal's private_metadata when it was opened from App Home, whose card is republished on
     * save.
     */
    public static final String FROM_HOME = "home";

    public static final String AMOUNT_BLOCK = "forecast_amount";
    public static final String AMOUNT_ACTION = "amount";
    public static final String NOTE_BLOCK = "forecast_note";
    public static final String NOTE_ACTION = "note";

    /** A message: the notification text and its blocks. */
    public record Message(String text, List<LayoutBlock> blocks) {}

    private ForecastViews() {}

    /**
     * {@code $300,000}, {@code £1,200,000}, {@code €250,500.50}, {@code 250,000} (no currency ever
     * typed): cents only when there are some.
     */
    public static String money(BigDecimal amount, Optional<Currency> currency) {
        BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
        String sign = v.signum() < 0 ? "-" : "";
        v = v.abs();
        String digits =
                v.stripTrailingZeros().scale() <= 0
                        ? String.format(Locale.US, "%,d", v.toBigInteger())
                        : String.format(Locale.US, "%,.2f", v);
        return sign + currency.map(Currency::symbol).orElse("") + digits;
    }

    /** The figure in its own currency. */
    public static String money(Forecast f) {
        return money(f.amount(), f.currency());
    }

    /** The Share with boss button of forecast {@code id}; "Tell boss now" for a downgrade. */
    public static BlockElement shareButton(long id, boolean downgrade) {
        // primary, not danger: telling the boss is the right thing to do, not a destructive one.
        return button(
                b ->
                        b.actionId(SHARE_FORECAST)
                                .value(ButtonValue.ofId(id))
                                .style("primary")
                                .text(plainText(downgrade ? "Tell boss now" : "Share with boss")));
    }

    /** The button that opens the forecast form; {@code primary} when it is the one thing to do. */
    public static BlockElement updateButton(boolean primary) {
        return button(
                b ->
                        b.actionId(OPEN_FORECAST_MODAL)
                                .value("")
                                .style(primary ? "primary" : null)
                                .text(plainText("Update forecast")));
    }

    /**
     * The reply to a recorded figure: how it stands against what the boss was told, and a button to
     * tell them.
     */
    public static Message recorded(Recorded r, Optional<String> bossId) {
        Forecast f = r.forecast();
        String boss = bossId.map(b -> "<@" + b + ">").orElse("your boss");
        String quarter = "*" + r.quarter().label() + "*";
        String figure = "*" + money(f) + "*";
        String left = daysLeft(r.daysLeft());
        String told =
                r.baseline()
                        .map(b -> money(b) + ", the figure " + boss + " was last told")
                        .orElse("");
        String text =
                switch (r.movement()) {
                    case FIRST ->
                            ":bar_chart: Recorded "
                                    + figure
                                    + " as your "
                                    + quarter
                                    + " forecast — "
                                    + left
                                    + ".\n"
                                    + capitalized(boss)
                                    + " hasn't been told a "
                                    + quarter
                                    + " figure yet: share it, so they plan with "
                                    + "your number.";
                    case DOWN ->
                            ":rotating_light: *That's a downgrade.* Your "
                                    + quarter
                                    + " forecast is now "
                                    + figure
                                    + ", "
                                    + movement(r)
                                    + " from "
                                    + told
                                    + ". "
                                    + capitalized(left)
                                    + ".\n*Tell your boss now — never wait for quarter end.* They should hear it from you first.";
                    case UP ->
                            ":chart_with_upwards_trend: Your "
                                    + quarter
                                    + " forecast is now "
                                    + figure
                                    + ", "
                                    + movement(r)
                                    + " from "
                                    + told
                                    + ". "
                                    + capitalized(left)
                                    + ". Good news travels well — share it with your boss.";
                    case SAME ->
                            ":bar_chart: Recorded "
                                    + figure
                                    + " for "
                                    + quarter
                                    + " — the same as what "
                                    + boss
                                    + " knows. "
                                    + capitalized(left)
                                    + ".";
                    case OTHER_CURRENCY ->
                            ":bar_chart: Your "
                                    + quarter
                                    + " forecast is now "
                                    + figure
                                    + "; "
                                    + boss
                                    + " was last told "
                                    + r.baseline().map(ForecastViews::money).orElse("")
                                    + ", in another currency. "
                                    + capitalized(left)
                                    + ". Share the new figure so they read it right.";
                };
        List<BlockElement> buttons = new ArrayList<>();
        if (!r.bossKnows()) {
            buttons.add(shareButton(f.id(), r.isDowngrade()));
        }
        buttons.add(button(b -> b.actionId(OPEN_FORECAST_MODAL).text(plainText("Update"))));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text + noteLine(f)))));
        blocks.add(actions(a -> a.elements(buttons)));
        if (r.movement() == Recorded.Movement.FIRST) {
            blocks.add(
                    context(
                            c ->
                                    c.elements(
                                            List.of(
                                                    markdownText(
                                                            "Update it as soon as the number moves: your boss should never be surprised at quarter end.")))));
        }
        return new Message(text + noteLine(f), blocks);
    }

    /**
     * The DM to the boss: names the manager, the figure, what they were told before and the note.
     */
    public static Message bossDm(String managerId, Recorded r) {
        Forecast f = r.forecast();
        String who = "<@" + managerId + ">";
        String quarter = "*" + r.quarter().label() + "*";
        String figure = "*" + money(f) + "*";
        String was = r.baseline().map(ForecastViews::money).orElse("");
        String text =
                (switch (r.movement()) {
                            case FIRST ->
                                    ":bar_chart: "
                                            + who
                                            + " shared their "
                                            + quarter
                                            + " forecast: "
                                            + figure
                                            + ".";
                            case DOWN ->
                                    ":chart_with_downwards_trend: "
                                            + who
                                            + " has lowered their "
                                            + quarter
                                            + " forecast to "
                                            + figure
                                            + " (was "
                                            + was
                                            + ": "
                                            + movement(r)
                                            + ").";
                            case UP ->
                                    ":chart_with_upwards_trend: "
                                            + who
                                            + " has raised their "
                                            + quarter
                                            + " forecast to "
                                            + figure
                                            + " (was "
                                            + was
                                            + ": "
                                            + movement(r)
                                            + ").";
                            case SAME ->
                                    ":bar_chart: "
                                            + who
                                            + " confirms their "
                                            + quarter
                                            + " forecast: "
                                            + figure
                                            + " (unchanged).";
                            case OTHER_CURRENCY ->
                                    ":bar_chart: "
                                            + who
                                            + " has restated their "
                                            + quarter
                                            + " forecast: "
                                            + figure
                                            + " (was "
                                            + was
                                            + ").";
                        })
                        + " "
                        + capitalized(daysLeft(r.daysLeft()))
                        + "."
                        + noteLine(f);
        List<LayoutBlock> blocks =
                List.of(
                        section(s -> s.text(markdownText(text))),
                        context(
                                c ->
                                        c.elements(
                                                List.of(
                                                        markdownText(
                                                                "Sent with bossreview: "
                                                                        + who
                                                                        + " chose to tell you as soon as the number moved.")))));
        return new Message(text, blocks);
    }

    /** Replaces the manager's message once the boss has it. */
    public static Message sent(Recorded r, String boss) {
        String what =
                r.change()
                        .filter(c -> c.delta().signum() != 0)
                        .map(
                                c ->
                                        ", "
                                                + movement(r)
                                                + " from "
                                                + r.baseline().map(ForecastViews::money).orElse(""))
                        .orElse("");
        String text =
                ":white_check_mark: Sent to <@"
                        + boss
                        + ">: your "
                        + r.quarter().label()
                        + " forecast of *"
                        + money(r.forecast())
                        + "*"
                        + what
                        + ". Telling early is how trust is built.";
        return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    public static String notSent(String boss, String reason) {
        return ":warning: Your forecast was NOT sent to <@"
                + boss
                + "> (Slack said `"
                + Mrkdwn.escape(reason)
                + "`). Nothing was marked as shared — click the button again in a minute.";
    }

    public static String notYours() {
        return ":no_entry: That button doesn't point at a forecast of yours, so nothing was sent.";
    }

    public static String noBoss() {
        return ":bust_in_silhouette: I don't know who your boss is yet, so nothing was sent. Set it with `"
                + Subcommand.BOSS.usage()
                + "`, then click the button again.";
    }

    public static String alreadyShared(String boss, ToldVia via) {
        return via == ToldVia.AGENDA
                ? ":information_source: <@"
                        + boss
                        + "> already got this forecast in your agenda — nothing was sent again."
                : ":information_source: This forecast was already sent to <@"
                        + boss
                        + "> — one message is enough.";
    }

    /**
     * A button of a figure the manager has since replaced: nothing is sent, and they learn which
     * one is current.
     */
    public static String notLatest(Recorded latest, String boss) {
        String figure = "*" + money(latest.forecast()) + "*";
        return ":information_source: That isn't your latest "
                + latest.quarter().label()
                + " forecast: since then you "
                + "recorded "
                + figure
                + ". Nothing was sent. "
                + (latest.bossKnows()
                        ? "<@" + boss + "> already knows " + figure + "."
                        : "To tell <@"
                                + boss
                                + "> "
                                + figure
                                + ", use the button on its reply or on your status card (`/bossreview`).");
    }

    public static String alreadyKnown(Recorded r, String boss) {
        return ":information_source: *"
                + money(r.forecast())
                + "* is the figure <@"
                + boss
                + "> was last told for "
                + r.quarter().label()
                + " — nothing new to send.";
    }

    public static String shareFailed(String reason) {
        return ":warning: I couldn't send your forecast just now ("
                + Mrkdwn.escape(reason)
                + "). Click the button again in a minute.";
    }

    public static String modalOpenFailed(String reason) {
        return ":warning: I couldn't open the forecast form ("
                + Mrkdwn.escape(reason)
                + "). Nothing was changed — you can "
                + "also type `"
                + Subcommand.FORECAST.usage()
                + "`, e.g. `/bossreview forecast 250k`.";
    }

    /** A field error in the modal (plain text there, so no backticks). */
    public static String modalError(String problem) {
        return problem.replace("`", "\"");
    }

    /** The forecast modal, with the latest figure of the quarter as a hint. */
    public static View modal(
            Optional<FiscalQuarter> quarter, Optional<Forecast> latest, String privateMetadata) {
        String intro =
                "What's your forecast for "
                        + quarter.map(q -> "*" + q.label() + "*").orElse("this quarter")
                        + "? If it differs from what your boss was last told, you'll get a button to tell them right away.";
        String hint =
                latest.map(
                                f ->
                                        "Latest"
                                                + quarter.map(q -> " for " + q.label()).orElse("")
                                                + ": "
                                                + money(f))
                        .orElse("No figure yet this quarter.");
        return view(
                v ->
                        v.type("modal")
                                .callbackId(MODAL_CALLBACK)
                                .privateMetadata(privateMetadata)
                                .title(viewTitle(t -> t.type("plain_text").text("Forecast")))
                                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                                .blocks(
                                        List.of(
                                                section(s -> s.text(markdownText(intro))),
                                                input(
                                                        i ->
                                                                i.blockId(AMOUNT_BLOCK)
                                                                        .label(plainText("Amount"))
                                                                        .hint(plainText(hint))
                                                                        .element(
                                                                                plainTextInput(
                                                                                        p ->
                                                                                                p.actionId(
                                                                                                                AMOUNT_ACTION)
                                                                                                        .maxLength(
                                                                                                                Amounts
                                                                                                                        .MAX_LENGTH)
                                                                                                        .placeholder(
                                                                                                                plainText(
                                                                                                                        "e.g. 250k, 1.2M, $300,000"))))),
                                                input(
                                                        i ->
                                                                i.blockId(NOTE_BLOCK)
                                                                        .label(plainText("Note"))
                                                                        .optional(true)
                                                                        .element(
                                                                                plainTextInput(
                                                                                        p ->
                                                                                                p.actionId(
                                                                                                                NOTE_ACTION)
                                                                                                        .multiline(
                                                                                                                true)
                                                                                                        .maxLength(
                                                                                                                ForecastInput
                                                                                                                        .NOTE_MAX_LENGTH)
                                                                                                        .placeholder(
                                                                                                                plainText(
                                                                                                                        "What changed? e.g. Acme slipped to next quarter"))))))));
    }

    static String daysLeft(long days) {
        if (days < 0) {
            return "that quarter is over";
        }
        if (days == 0) {
            return "today is the last day of the quarter";
        }
        return days + (days == 1 ? " day" : " days") + " left to quarter end";
    }

    /**
     * e.g. {@code down $50,000 (-16.7%)} from the baseline; in the figure's currency (else the
     * baseline's).
     */
    static String movement(Recorded r) {
        return r.change()
                .map(
                        c ->
                                c.delta().signum() == 0
                                        ? "unchanged"
                                        : (c.isDowngrade() ? "down " : "up ")
                                                + money(
                                                        c.delta().abs(),
                                                        r.forecast()
                                                                .currency()
                                                                .or(
                                                                        () ->
                                                                                r.baseline()
                                                                                        .flatMap(
                                                                                                Forecast
                                                                                                        ::currency)))
                                                + " ("
                                                + (c.isDowngrade() ? "" : "+")
                                                + c.percent().toPlainString()
                                                + "%)")
                .orElse("");
    }

    private static String noteLine(Forecast f) {
        return f.note().map(n -> "\n>" + Mrkdwn.escape(n).replace("\n", "\n>")).orElse("");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
