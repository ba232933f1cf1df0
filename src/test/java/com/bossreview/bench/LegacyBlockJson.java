package com.bossreview.bench;

import com.google.gson.Gson;
import com.google.gson.stream.JsonWriter;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code slack.BlockJson} as it was before it became a {@code TypeAdapterFactory} on the SDK's Gson
 * (commit 11415ca): a static hand-written writer that hands what it does not know to the SDK as
 * strings. Kept only so that {@link BlockJsonBench} can measure the old and the new in one run.
 */
public final class LegacyBlockJson {
    /**
     * The SDK's serialisation, for everything not written here. Built once: building it costs
     * milliseconds.
     */
    static final Gson SDK = GsonFactory.createSnakeCase();

    private LegacyBlockJson() {}

    @FunctionalInterface
    private interface Body {
        void write(JsonWriter w) throws IOException;
    }

    /** What {@code body} writes, as a string: {@code blocks} sizes the buffer. */
    private static String json(int blocks, Body body) {
        StringBuilderWriter out = new StringBuilderWriter(256 * (1 + blocks));
        try (JsonWriter w = new JsonWriter(out)) {
            w.setHtmlSafe(false);
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

    private static void writeBlocks(JsonWriter w, List<LayoutBlock> blocks) throws IOException {
        w.beginArray();
        for (LayoutBlock block : blocks) {
            block(w, block);
        }
        w.endArray();
    }

    private static void block(JsonWriter w, LayoutBlock block) throws IOException {
        if (block instanceof SectionBlock s) {
            w.beginObject();
            w.name("type").value(s.getType());
            if (s.getText() != null) {
                w.name("text");
                text(w, s.getText());
            }
            optional(w, "block_id", s.getBlockId());
            if (s.getFields() != null) {
                w.name("fields").beginArray();
                for (TextObject field : s.getFields()) {
                    text(w, field);
                }
                w.endArray();
            }
            if (s.getAccessory() != null) {
                w.name("accessory");
                element(w, s.getAccessory());
            }
            optional(w, "expand", s.getExpand());
            w.endObject();
        } else if (block instanceof HeaderBlock h) {
            w.beginObject();
            w.name("type").value(h.getType());
            optional(w, "block_id", h.getBlockId());
            if (h.getText() != null) {
                w.name("text");
                text(w, h.getText());
            }
            w.endObject();
        } else if (block instanceof ContextBlock c) {
            w.beginObject();
            w.name("type").value(c.getType());
            if (c.getElements() != null) {
                w.name("elements").beginArray();
                for (ContextBlockElement e : c.getElements()) {
                    if (e instanceof TextObject t) {
                        text(w, t);
                    } else {
                        w.jsonValue(SDK.toJson(e, ContextBlockElement.class));
                    }
                }
                w.endArray();
            }
            optional(w, "block_id", c.getBlockId());
            w.endObject();
        } else if (block instanceof ActionsBlock a) {
            w.beginObject();
            w.name("type").value(a.getType());
            if (a.getElements() != null) {
                w.name("elements").beginArray();
                for (BlockElement e : a.getElements()) {
                    element(w, e);
                }
                w.endArray();
            }
            optional(w, "block_id", a.getBlockId());
            w.endObject();
        } else if (block instanceof DividerBlock d) {
            w.beginObject();
            w.name("type").value(d.getType());
            optional(w, "block_id", d.getBlockId());
            w.endObject();
        } else {
            w.jsonValue(SDK.toJson(block, LayoutBlock.class));
        }
    }

    private static void element(JsonWriter w, BlockElement element) throws IOException {
        if (element instanceof ButtonElement b && b.getConfirm() == null) {
            w.beginObject();
            w.name("type").value(b.getType());
            if (b.getText() != null) {
                w.name("text");
                text(w, b.getText());
            }
            optional(w, "action_id", b.getActionId());
            optional(w, "url", b.getUrl());
            optional(w, "value", b.getValue());
            optional(w, "style", b.getStyle());
            optional(w, "accessibility_label", b.getAccessibilityLabel());
            w.endObject();
        } else {
            w.jsonValue(SDK.toJson(element, BlockElement.class));
        }
    }

    private static void text(JsonWriter w, TextObject text) throws IOException {
        if (text instanceof MarkdownTextObject m) {
            w.beginObject();
            w.name("type").value(m.getType());
            optional(w, "text", m.getText());
            optional(w, "verbatim", m.getVerbatim());
            w.endObject();
        } else if (text instanceof PlainTextObject p) {
            w.beginObject();
            w.name("type").value(p.getType());
            optional(w, "text", p.getText());
            optional(w, "emoji", p.getEmoji());
            w.endObject();
        } else {
            w.jsonValue(SDK.toJson(text, TextObject.class));
        }
    }

    private static void optional(JsonWriter w, String name, String value) throws IOException {
        if (value != null) {
            w.name(name).value(value);
        }
    }

    private static void optional(JsonWriter w, String name, Boolean value) throws IOException {
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
