package com.bossreview.slack;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
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
import java.util.List;
import java.util.RandomAccess;

/**
 * Fast {@link TypeAdapter}s for Block Kit on the SDK's Gson ({@link
 * GsonFactory#createSnakeCase()}): the same JSON, without its cost. The SDK serialises {@link
 * LayoutBlock}, {@link BlockElement}, {@link TextObject} and {@link ContextBlockElement} through
 * polymorphic tree adapters (a {@code JsonElement} tree per block, per element and per text, then
 * written out); for the status card that was a fifth of the app's CPU per {@code /bossreview}. The
 * blocks bossreview sends on every command and nudge (header, section, context, actions, divider;
 * buttons without a confirm dialog; plain and mrkdwn text) are written here field by field, in the
 * order the SDK's reflection writes them; anything else (inputs, selects, images, confirm dialogs…)
 * and all reading go to the adapter this factory stands in front of ({@link
 * Gson#getDelegateAdapter}), i.e. the SDK's, so nothing is ever dropped. {@code BlockJsonTest}
 * holds every field of the handled classes to account, so an SDK upgrade that adds one fails the
 * build instead of silently losing it.
 *
 * <p>Registered on a builder of the SDK's Gson ({@code registerTypeAdapterFactory}), it comes
 * before the SDK's {@code registerTypeAdapter} ones: Gson asks the factories registered last first.
 * It answers for exactly the four declared types the SDK registers adapters for (not their
 * subclasses, again as the SDK), so a {@code SectionBlock} field declared as {@code TextObject}
 * comes here, one declared as {@code PlainTextObject} is Gson's reflection, as before.
 */
final class BlockAdapters implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked") // each branch returns an adapter of exactly type's raw class
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (raw == TextObject.class) {
            return (TypeAdapter<T>)
                    new Texts(gson.getDelegateAdapter(this, TypeToken.get(TextObject.class)));
        }
        if (raw == ContextBlockElement.class) {
            return (TypeAdapter<T>)
                    new ContextElements(
                            gson.getDelegateAdapter(
                                    this, TypeToken.get(ContextBlockElement.class)));
        }
        if (raw == BlockElement.class) {
            return (TypeAdapter<T>)
                    new Elements(
                            gson.getDelegateAdapter(this, TypeToken.get(BlockElement.class)),
                            gson.getAdapter(TextObject.class));
        }
        if (raw == LayoutBlock.class) {
            return (TypeAdapter<T>)
                    new Blocks(
                            gson.getDelegateAdapter(this, TypeToken.get(LayoutBlock.class)),
                            gson.getAdapter(TextObject.class),
                            gson.getAdapter(BlockElement.class),
                            gson.getAdapter(ContextBlockElement.class));
        }
        return null;
    }

    /** Header, section, context, actions and divider blocks. */
    private static final class Blocks extends TypeAdapter<LayoutBlock> {
        private final TypeAdapter<LayoutBlock> sdk;
        private final TypeAdapter<TextObject> texts;
        private final TypeAdapter<BlockElement> elements;
        private final TypeAdapter<ContextBlockElement> contextElements;

        Blocks(
                TypeAdapter<LayoutBlock> sdk,
                TypeAdapter<TextObject> texts,
                TypeAdapter<BlockElement> elements,
                TypeAdapter<ContextBlockElement> contextElements) {
            this.sdk = sdk;
            this.texts = texts;
            this.elements = elements;
            this.contextElements = contextElements;
        }

        @Override
        public void write(JsonWriter w, LayoutBlock block) throws IOException {
            if (block instanceof SectionBlock s) {
                w.beginObject();
                w.name("type").value(s.getType());
                if (s.getText() != null) {
                    w.name("text");
                    texts.write(w, s.getText());
                }
                optional(w, "block_id", s.getBlockId());
                if (s.getFields() != null) {
                    w.name("fields");
                    array(w, s.getFields(), texts);
                }
                if (s.getAccessory() != null) {
                    w.name("accessory");
                    elements.write(w, s.getAccessory());
                }
                optional(w, "expand", s.getExpand());
                w.endObject();
            } else if (block instanceof HeaderBlock h) {
                w.beginObject();
                w.name("type").value(h.getType());
                optional(w, "block_id", h.getBlockId());
                if (h.getText() != null) {
                    w.name("text");
                    plain(w, h.getText());
                }
                w.endObject();
            } else if (block instanceof ContextBlock c) {
                w.beginObject();
                w.name("type").value(c.getType());
                if (c.getElements() != null) {
                    w.name("elements");
                    array(w, c.getElements(), contextElements);
                }
                optional(w, "block_id", c.getBlockId());
                w.endObject();
            } else if (block instanceof ActionsBlock a) {
                w.beginObject();
                w.name("type").value(a.getType());
                if (a.getElements() != null) {
                    w.name("elements");
                    array(w, a.getElements(), elements);
                }
                optional(w, "block_id", a.getBlockId());
                w.endObject();
            } else if (block instanceof DividerBlock d) {
                w.beginObject();
                w.name("type").value(d.getType());
                optional(w, "block_id", d.getBlockId());
                w.endObject();
            } else {
                sdk.write(w, block); // null too: the SDK's adapter is null-safe
            }
        }

        @Override
        public LayoutBlock read(JsonReader in) throws IOException {
            return sdk.read(in);
        }
    }

    /** Buttons without a confirm dialog. */
    private static final class Elements extends TypeAdapter<BlockElement> {
        private final TypeAdapter<BlockElement> sdk;
        private final TypeAdapter<TextObject> texts;

        Elements(TypeAdapter<BlockElement> sdk, TypeAdapter<TextObject> texts) {
            this.sdk = sdk;
            this.texts = texts;
        }

        @Override
        public void write(JsonWriter w, BlockElement element) throws IOException {
            if (element instanceof ButtonElement b && b.getConfirm() == null) {
                w.beginObject();
                w.name("type").value(b.getType());
                if (b.getText() != null) {
                    w.name("text");
                    plain(w, b.getText());
                }
                optional(w, "action_id", b.getActionId());
                optional(w, "url", b.getUrl());
                optional(w, "value", b.getValue());
                optional(w, "style", b.getStyle());
                optional(w, "accessibility_label", b.getAccessibilityLabel());
                w.endObject();
            } else {
                sdk.write(w, element);
            }
        }

        @Override
        public BlockElement read(JsonReader in) throws IOException {
            return sdk.read(in);
        }
    }

    /** Plain and mrkdwn text. */
    private static final class Texts extends TypeAdapter<TextObject> {
        private final TypeAdapter<TextObject> sdk;

        Texts(TypeAdapter<TextObject> sdk) {
            this.sdk = sdk;
        }

        @Override
        public void write(JsonWriter w, TextObject text) throws IOException {
            if (text instanceof MarkdownTextObject m) {
                markdown(w, m);
            } else if (text instanceof PlainTextObject p) {
                plain(w, p);
            } else {
                sdk.write(w, text);
            }
        }

        @Override
        public TextObject read(JsonReader in) throws IOException {
            return sdk.read(in);
        }
    }

    /** The texts of a context block (its images go to the SDK). */
    private static final class ContextElements extends TypeAdapter<ContextBlockElement> {
        private final TypeAdapter<ContextBlockElement> sdk;

        ContextElements(TypeAdapter<ContextBlockElement> sdk) {
            this.sdk = sdk;
        }

        @Override
        public void write(JsonWriter w, ContextBlockElement element) throws IOException {
            if (element instanceof MarkdownTextObject m) {
                markdown(w, m);
            } else if (element instanceof PlainTextObject p) {
                plain(w, p);
            } else {
                sdk.write(w, element);
            }
        }

        @Override
        public ContextBlockElement read(JsonReader in) throws IOException {
            return sdk.read(in);
        }
    }

    /**
     * A list as Gson's collection adapter writes it (a null entry as {@code null}), without its
     * per-entry runtime-type lookup.
     */
    static <E> void array(JsonWriter w, List<? extends E> list, TypeAdapter<E> adapter)
            throws IOException {
        w.beginArray();
        if (list instanceof RandomAccess) {
            // By index: an iterator here is not always scalar-replaced by the JIT (the adapter
            // calls are too big to inline everywhere), which cost 128 bytes per status card.
            for (int i = 0, n = list.size(); i < n; i++) {
                adapter.write(w, list.get(i));
            }
        } else {
            for (E e : list) {
                adapter.write(w, e);
            }
        }
        w.endArray();
    }

    private static void markdown(JsonWriter w, MarkdownTextObject m) throws IOException {
        w.beginObject();
        w.name("type").value(m.getType());
        optional(w, "text", m.getText());
        optional(w, "verbatim", m.getVerbatim());
        w.endObject();
    }

    private static void plain(JsonWriter w, PlainTextObject p) throws IOException {
        w.beginObject();
        w.name("type").value(p.getType());
        optional(w, "text", p.getText());
        optional(w, "emoji", p.getEmoji());
        w.endObject();
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
}
