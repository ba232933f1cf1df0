package com.bossreview.boss;

import com.bossreview.command.Subcommand;
import com.bossreview.slack.Mrkdwn;
import java.time.ZoneId;

/** What the digest switch says. */
final class DigestTexts {
    private DigestTexts() {}

    static String on(ZoneId zone) {
        return ":newspaper: Weekly digest on: every Monday at 08:00 ("
                + zone.getId()
                + ") you get what your managers sent you the week before — what you haven't "
                + "answered first, forecasts added up per quarter. A week with nothing sent sends "
                + "nothing. Stop it with `"
                + Subcommand.DIGEST.usage().replace("on|off", "off")
                + "`.";
    }

    static String off() {
        return ":white_check_mark: Weekly digest off. Everything stays on bossreview's App Home.";
    }

    static String wasOff() {
        return ":information_source: Your weekly digest was already off. Nothing changed.";
    }

    static String nothingSentYet() {
        return ":information_source: No manager has sent you anything through bossreview yet, so "
                + "there is nothing to digest. The digest is for bosses: it starts once your "
                + "managers send you news, forecasts or agendas. Nothing was changed.";
    }

    static String usage(String args) {
        return ":thinking_face: "
                + (args.isBlank()
                        ? "Say `on` or `off`."
                        : "`" + Mrkdwn.inCode(args.strip(), 40) + "` isn't `on` or `off`.")
                + " Usage: `"
                + Subcommand.DIGEST.usage()
                + "` — for bosses: a Monday DM of what your managers sent you. Nothing was changed.";
    }

    static String notChanged(String reason) {
        return ":warning: I couldn't change your weekly digest just now ("
                + Mrkdwn.escape(reason)
                + "). Nothing was changed — please try again in a minute.";
    }
}
