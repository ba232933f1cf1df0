package com.bossreview.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to button clicks, wherever the button was. Slack sends a {@code response_url} with clicks
 * in messages (DMs, ephemeral replies), but none with clicks on App Home or inside a modal. So:
 *
 * <ul>
 *   <li>in a message, a note is a new ephemeral message and a replacement rewrites the clicked
 *       message;
 *   <li>on App Home, the tab is republished (it shows the new state) with the answer as a notice on
 *       top;
 *   <li>anywhere else, and whenever the first way fails (a {@code response_url} expires after 30
 *       minutes and five uses), the clicker gets the answer as a DM from the app.
 * </ul>
 *
 * Every answer runs after the ack (in {@link AfterAck} work); one that reaches nobody throws, so it
 * is logged.
 */
public final class Clicks {
    private static final Logger log = LoggerFactory.getLogger(Clicks.class);

    /**
     * Republishes a person's App Home tab with {@code notice} (mrkdwn) above it; owned by the Home
     * feature.
     */
    @FunctionalInterface
    public interface HomeTab {
        void publish(String team, String user, String notice) throws SlackCallException;
    }

    /** Where the clicked button was. */
    public enum Surface {
        MESSAGE,
        HOME,
        OTHER
    }

    /**
     * Said in the DM that replaces a message Slack would not let us update: its buttons still show
     * there.
     */
    static final String STALE_MESSAGE =
            "\n_(I couldn't update the message you clicked, so it may still show its buttons.)_";

    private final HomeTab home;
    private final Messenger messenger;

    public Clicks(HomeTab home, Messenger messenger) {
        this.home = home;
        this.messenger = messenger;
    }

    /** The answer channel of one click. */
    public Click of(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload p = request.getPayload();
        return new Click(p.getTeam().getId(), p.getUser().getId(), surface(p, ctx), ctx);
    }

    /**
     * The answer channel of a modal submitted by {@code user}: Slack sends no {@code response_url}
     * with a submission, so the answer republishes App Home when the modal was opened there, else
     * it is a DM.
     */
    public Click ofModal(String team, String user, boolean fromHome) {
        return new Click(team, user, fromHome ? Surface.HOME : Surface.OTHER, null);
    }

    static Surface surface(BlockActionPayload p, ActionContext ctx) {
        if (ctx.getResponseUrl() != null && !ctx.getResponseUrl().isBlank()) {
            return Surface.MESSAGE;
        }
        boolean homeView = p.getView() != null && "home".equals(p.getView().getType());
        return homeView ? Surface.HOME : Surface.OTHER;
    }

    /** One click's answers. */
    public final class Click {
        private final String team;
        private final String user;
        private final Surface surface;
        private final ActionContext ctx;

        private Click(String team, String user, Surface surface, ActionContext ctx) {
            this.team = team;
            this.user = user;
            this.surface = surface;
            this.ctx = ctx;
        }

        public String team() {
            return team;
        }

        public String user() {
            return user;
        }

        public Surface surface() {
            return surface;
        }

        /**
         * Something only the clicker sees; the clicked message (and its buttons) stays as it was.
         */
        public void note(String text) {
            switch (surface) {
                case MESSAGE -> {
                    if (!delivered(
                            () ->
                                    ctx.respond(
                                            r ->
                                                    r.responseType("ephemeral")
                                                            .replaceOriginal(false)
                                                            .text(text)))) {
                        dm(text, null);
                    }
                }
                case HOME -> homeOrDm(text, null);
                case OTHER -> dm(text, null);
            }
        }

        /**
         * The clicked message replaced by {@code text} and {@code blocks} (typically without the
         * button, now that it is done). On App Home the tab is republished with {@code text} as its
         * notice.
         */
        public void replace(String text, List<LayoutBlock> blocks) {
            switch (surface) {
                case MESSAGE -> {
                    if (!delivered(
                            () ->
                                    ctx.respond(
                                            r ->
                                                    r.replaceOriginal(true)
                                                            .text(text)
                                                            .blocks(blocks)))) {
                        dm(text + STALE_MESSAGE, blocks);
                    }
                }
                case HOME -> homeOrDm(text, blocks);
                case OTHER -> dm(text, blocks);
            }
        }

        private void homeOrDm(String text, List<LayoutBlock> blocks) {
            try {
                home.publish(team, user, text);
            } catch (SlackCallException | RuntimeException e) {
                log.warn(
                        "Home tab of {}/{} not republished after a click: {}",
                        team,
                        user,
                        e instanceof SlackCallException s
                                ? s.error()
                                : e.getClass().getSimpleName());
                dm(text, blocks);
            }
        }

        private boolean delivered(Post post) {
            try {
                WebhookResponse r = post.send();
                if (r != null && r.getCode() != null && r.getCode() == 200) {
                    return true;
                }
                log.warn(
                        "response_url answer for {}/{} failed: http_{}",
                        team,
                        user,
                        r == null ? null : r.getCode());
            } catch (IOException e) {
                log.warn(
                        "response_url answer for {}/{} failed: {}",
                        team,
                        user,
                        e.getClass().getSimpleName());
            }
            return false;
        }

        /**
         * The last way to reach the clicker; if Slack refuses this too, the failure is thrown for
         * the log.
         */
        private void dm(String text, List<LayoutBlock> blocks) {
            try {
                messenger.dm(team, user, text, blocks);
            } catch (SlackCallException e) {
                throw new UncheckedIOException(
                        new IOException("could not answer the click by DM either: " + e.error()));
            }
        }
    }

    @FunctionalInterface
    private interface Post {
        WebhookResponse send() throws IOException;
    }
}
