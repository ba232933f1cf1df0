package com.bossreview.slack;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonWriter;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Block Kit as JSON: the SDK's Gson ({@link GsonFactory#createSnakeCase()}) with {@link
 * BlockAdapters} in front of its block, element and text adapters, and without HTML escaping
 * ({@code < > &} stay as they are: Slack reads JSON, not HTML). The same JSON as the SDK's once
 * parsed, at about a quarter of its CPU for the status card ({@code BlockJsonBench}). {@link #ack}
 * and {@link #postMessage} write their few envelope fields themselves and each block with {@link
 * #GSON}'s {@code LayoutBlock} adapter, looked up once.
 */
public final class BlockJson {
    /**
     * The SDK's serialisation as it is, which {@link #GSON} is held against in the tests. Built
     * once: building a Gson costs milliseconds.
     */
    static final Gson SDK = GsonFactory.createSnakeCase();

    /**
     * The SDK's Gson with the fast block adapters: registered last, they are asked first, and hand
     * what they do not write (and all reading) to the SDK's adapters.
     */
    static final Gson GSON =
            SDK.newBuilder()
                    .registerTypeAdapterFactory(new BlockAdapters())
                    .disableHtmlEscaping()
                    .create();

    /** Looked up once: a lookup per block would be a map access and a {@code TypeToken} each. */
    private static final TypeAdapter<LayoutBlock> BLOCK = GSON.getAdapter(LayoutBlock.class);

    private BlockJson() {}

    /**
     * A bare JSON array of blocks, as {@link #ack} and {@link #postMessage} embed it (what
     * BlockJsonTest compares).
     */
    static String blocks(List<LayoutBlock> blocks) {
        return json(blocks.size(), w -> writeBlocks(w, blocks));
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonWriter w) throws IOException;
    }

    /**
     * What {@code body} writes, as a string, on a writer set up as {@link #GSON} sets up its own
     * (no HTML escaping, no nulls): {@code blocks} sizes the buffer.
     */
    private static String json(int blocks, Body body) {
        StringBuilderWriter out = new StringBuilderWriter(256 * (1 + blocks));
        try (JsonWriter w = GSON.newJsonWriter(out)) {
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /**
     * The ack of a slash command with a message only the person sees ({@code text} as the
     * notification and fallback, {@code blocks} as the message): what {@code ctx.ack(r ->
     * r.text(text).blocks(blocks))} answers.
     */
    public static Response ack(String text, List<LayoutBlock> blocks) {
        String body =
                json(
                        blocks.size(),
                        w -> {
                            w.beginObject();
                            optional(w, "text", text);
                            w.name("blocks");
                            writeBlocks(w, blocks);
                            w.endObject();
                        });
        return Response.builder()
                .statusCode(200)
                .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body(body)
                .build();
    }

    /**
     * The JSON body of a {@code chat.postMessage} to {@code channel} (a user id opens the app's DM
     * with them): {@code text} as the notification and fallback, {@code blocks} (if any) as the
     * message, no link previews.
     */
    static String postMessage(String channel, String text, List<LayoutBlock> blocks) {
        boolean hasBlocks = blocks != null && !blocks.isEmpty();
        return json(
                hasBlocks ? blocks.size() : 0,
                w -> {
                    w.beginObject();
                    w.name("channel").value(channel);
                    optional(w, "text", text);
                    if (hasBlocks) {
                        w.name("blocks");
                        writeBlocks(w, blocks);
                    }
                    w.name("unfurl_links").value(false);
                    w.name("unfurl_media").value(false);
                    w.endObject();
                });
    }

    /**
     * As Gson's {@code List<LayoutBlock>} adapter writes them, without its per-block runtime-type
     * lookup.
     */
    private static void writeBlocks(JsonWriter w, List<LayoutBlock> blocks) throws IOException {
        BlockAdapters.array(w, blocks, BLOCK);
    }

    private static void optional(JsonWriter w, String name, String value) throws IOException {
        if (value != null) {
            w.name(name).value(value);
        }
    }

    /** {@link java.io.StringWriter} without its synchronised {@code StringBuffer}. */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder sb;

        StringBuilderWriter(int capacity) {
            sb = new StringBuilder(capacity);
        }

        @Override
        public void write(char[] buf, int off, int len) {
            sb.append(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) {
            // JsonWriter hands over whole strings unless they hold characters to escape;
            // append(String) copies
            // them in one go, append(CharSequence, int, int) goes character by character.
            if (off == 0 && len == s.length()) {
                sb.append(s);
            } else {
                sb.append(s, off, off + len);
            }
        }

        @Override
        public Writer append(CharSequence csq) {
            sb.append(csq);
            return this;
        }

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
