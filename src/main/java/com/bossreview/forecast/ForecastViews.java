package com.bossreview.forecast;

import com.bossreview.command.Subcommand;
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

/** Everything the forecast feature shows: replies, the boss's DM, the modal. */
public final class ForecastViews {
    /** Button: send this forecast (value = forecast id) to the boss. */
    public static final String SHARE_FORECAST = "share_forecast";
    /** Button: open the forecast modal (value unused; the status card, App Home and nudges emit it too). */
    public static final String OPEN_FORECAST_MODAL = "open_forecast_modal";
    public static final String MODAL_CALLBACK = "forecast_modal";
    /** The modal's private_metadata when it was opened from App Home, whose card is republished on save. */
    public static final String FROM_HOME = "home";
    public static final String AMOUNT_BLOCK = "forecast_amount";
    public static final String AMOUNT_ACTION = "amount";
    public static final String NOTE_BLOCK = "forecast_note";
    public static final String NOTE_ACTION = "note";

    /** A message: the notification text and its blocks. */
    public record Message(String text, List<LayoutBlock> blocks) {
    }

    private ForecastViews() {
    }

    /** {@code $300,000}, {@code $1,200,000}, {@code $250,500.50}: cents only when there are some. */
    public static String money(BigDecimal amount) {
        BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
        String sign = v.signum() < 0 ? "-" : "";
        v = v.abs();
        String digits = v.stripTrailingZeros().scale() <= 0
                ? String.format(Locale.US, "%,d", v.toBigInteger())
                : String.format(Locale.US, "%,.2f", v);
        return sign + "$" + digits;
    }

    /** The reply to a recorded figure: confirmation, or a downgrade with the Tell boss now button. */
    public static Message recorded(Recorded r) {
        Forecast f = r.forecast();
        String quarter = "*" + r.quarter().label() + "*";
        String figure = "*" + money(f.amount()) + "*";
        String left = daysLeft(r.daysLeft());
        String id = Long.toString(f.id());
        Optional<Recorded.Change> change = r.change();
        String text;
        List<BlockElement> buttons = new ArrayList<>();
        if (change.isEmpty()) {
            text = ":bar_chart: Recorded " + figure + " as your " + quarter + " forecast — " + left + ".";
        } else if (change.get().isDowngrade()) {
            text = ":rotating_light: *That's a downgrade.* Your " + quarter + " forecast is now " + figure + ", "
                    + movement(change.get()) + " from " + money(change.get().previous()) + ". " + capitalized(left)
                    + ".\n*Tell your boss now — never wait for quarter end.* They should hear it from you first.";
            buttons.add(button(b -> b.actionId(SHARE_FORECAST).value(id).style("danger")
                    .text(plainText("Tell boss now"))));
        } else if (change.get().isUpgrade()) {
            text = ":chart_with_upwards_trend: Your " + quarter + " forecast is now " + figure + ", "
                    + movement(change.get()) + " from " + money(change.get().previous()) + ". " + capitalized(left)
                    + ". Good news travels well — share it with your boss.";
            buttons.add(button(b -> b.actionId(SHARE_FORECAST).value(id).style("primary")
                    .text(plainText("Share with boss"))));
        } else {
            text = ":bar_chart: Recorded " + figure + " for " + quarter + " — the same as your last figure. "
                    + capitalized(left) + ".";
        }
        buttons.add(button(b -> b.actionId(OPEN_FORECAST_MODAL).text(plainText("Update"))));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(text + noteLine(f)))));
        blocks.add(actions(a -> a.elements(buttons)));
        if (change.isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "Update it as soon as the number moves: your boss should never be surprised at quarter end.")))));
        }
        return new Message(text + noteLine(f), blocks);
    }

    /** The DM to the boss: names the manager, the figure, what it was and the note. */
    public static Message bossDm(String managerId, Recorded r) {
        Forecast f = r.forecast();
        String who = "<@" + managerId + ">";
        String quarter = "*" + r.quarter().label() + "*";
        String figure = "*" + money(f.amount()) + "*";
        String text = r.change().map(c -> c.isDowngrade()
                        ? ":chart_with_downwards_trend: " + who + " has lowered their " + quarter + " forecast to "
                        + figure + " (was " + money(c.previous()) + ": " + movement(c) + ")."
                        : c.isUpgrade()
                        ? ":chart_with_upwards_trend: " + who + " has raised their " + quarter + " forecast to "
                        + figure + " (was " + money(c.previous()) + ": " + movement(c) + ")."
                        : ":bar_chart: " + who + " confirms their " + quarter + " forecast: " + figure + " (unchanged).")
                .orElse(":bar_chart: " + who + " shared their " + quarter + " forecast: " + figure + ".")
                + " " + capitalized(daysLeft(r.daysLeft())) + "." + noteLine(f);
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(text))),
                context(c -> c.elements(List.of(markdownText("Sent with bossreview: " + who
                        + " chose to tell you as soon as the number moved.")))));
        return new Message(text, blocks);
    }

    /** Replaces the manager's message once the boss has it. */
    public static Message sent(Recorded r, String boss) {
        String what = r.change().filter(c -> c.delta().signum() != 0).map(c -> ", " + movement(c)).orElse("");
        String text = ":white_check_mark: Sent to <@" + boss + ">: your " + r.quarter().label() + " forecast of *"
                + money(r.forecast().amount()) + "*" + what + ". Telling early is how trust is built.";
        return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
    }

    public static String notSent(String boss, String reason) {
        return ":warning: Your forecast was NOT sent to <@" + boss + "> (Slack said `" + escape(reason)
                + "`). Nothing was marked as shared — click the button again in a minute.";
    }

    public static String notYours() {
        return ":no_entry: That button doesn't point at a forecast of yours, so nothing was sent.";
    }

    public static String noBoss() {
        return ":bust_in_silhouette: I don't know who your boss is yet, so nothing was sent. Set it with `"
                + Subcommand.BOSS.usage() + "`, then click the button again.";
    }

    public static String alreadyShared(String boss) {
        return ":information_source: This forecast was already sent to <@" + boss + "> — one message is enough.";
    }

    public static String shareFailed(String reason) {
        return ":warning: I couldn't send your forecast just now (" + escape(reason)
                + "). Click the button again in a minute.";
    }

    public static String modalOpenFailed(String reason) {
        return ":warning: I couldn't open the forecast form (" + escape(reason) + "). Nothing was changed — you can "
                + "also type `" + Subcommand.FORECAST.usage() + "`, e.g. `/bossreview forecast 250k`.";
    }

    /** A field error in the modal (plain text there, so no backticks). */
    public static String modalError(String problem) {
        return problem.replace("`", "\"");
    }

    /** The forecast modal, with the latest figure of the quarter as a hint. */
    public static View modal(Optional<FiscalQuarter> quarter, Optional<Forecast> latest, String privateMetadata) {
        String intro = "What's your forecast for " + quarter.map(q -> "*" + q.label() + "*").orElse("this quarter")
                + "? If it's lower than last time, you'll get a button to tell your boss right away.";
        String hint = latest.map(f -> "Latest" + quarter.map(q -> " for " + q.label()).orElse("") + ": "
                + money(f.amount())).orElse("No figure yet this quarter.");
        return view(v -> v.type("modal").callbackId(MODAL_CALLBACK).privateMetadata(privateMetadata)
                .title(viewTitle(t -> t.type("plain_text").text("Forecast")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText(intro))),
                        input(i -> i.blockId(AMOUNT_BLOCK).label(plainText("Amount"))
                                .hint(plainText(hint))
                                .element(plainTextInput(p -> p.actionId(AMOUNT_ACTION).maxLength(Amounts.MAX_LENGTH)
                                        .placeholder(plainText("e.g. 250k, 1.2M, $300,000"))))),
                        input(i -> i.blockId(NOTE_BLOCK).label(plainText("Note")).optional(true)
                                .element(plainTextInput(p -> p.actionId(NOTE_ACTION).multiline(true)
                                        .maxLength(ForecastInput.NOTE_MAX_LENGTH)
                                        .placeholder(plainText("What changed? e.g. Acme slipped to next quarter"))))))));
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

    /** e.g. {@code down $50,000 (-16.7%)} */
    static String movement(Recorded.Change c) {
        if (c.delta().signum() == 0) {
            return "unchanged";
        }
        return (c.isDowngrade() ? "down " : "up ") + money(c.delta().abs()) + " ("
                + (c.isDowngrade() ? "" : "+") + c.percent().toPlainString() + "%)";
    }

    /** Slack's mrkdwn control characters, so echoed user text cannot mention or link anyone. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String noteLine(Forecast f) {
        return f.note().map(n -> "\n>" + escape(n).replace("\n", "\n>")).orElse("");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
