package com.bossreview.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.image;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.command.CommandViews;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.status.StatusViews;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
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
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ImageElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockJson} writes exactly the JSON the SDK's Gson writes, and knows every field of what it
 * writes itself.
 */
class BlockJsonTest {
    /**
     * The SDK's Gson as it is but for HTML escaping, which BlockJson leaves out: what BlockJson
     * must write to the character, field order included.
     */
    private static final Gson SDK_UNESCAPED =
            BlockJson.SDK.newBuilder().disableHtmlEscaping().create();

    private static final Type BLOCK_LIST = new TypeToken<List<LayoutBlock>>() {}.getType();

    /**
     * Every branch: each handled field set and unset, and blocks, elements and texts it hands to
     * the SDK.
     */
    private static final List<LayoutBlock> KITCHEN_SINK =
            List.of(
                    header(
                            h ->
                                    h.blockId("h1")
                                            .text(
                                                    plainText(
                                                            p ->
                                                                    p.text(
                                                                                    "Hé — \"quoted\" <@U1> & \\ \n\t\u2028 :tada:")
                                                                            .emoji(true)))),
                    header(h -> h.text(plainText("plain"))),
                    section(
                            s ->
                                    s.blockId("s1")
                                            .text(
                                                    markdownText(
                                                            m ->
                                                                    m.text(
                                                                                    "*bold* <https://x.example|x>")
                                                                            .verbatim(false)))
                                            .fields(
                                                    List.of(
                                                            markdownText("a"),
                                                            plainText(
                                                                    p -> p.text("b").emoji(false)),
                                                            markdownText(
                                                                    m ->
                                                                            m.text("c")
                                                                                    .verbatim(
                                                                                            true))))
                                            .accessory(
                                                    button(
                                                            b ->
                                                                    b.actionId("a1")
                                                                            .text(plainText("Go"))
                                                                            .url(
                                                                                    "https://example.com/?a=1&b=2")
                                                                            .value("v")
                                                                            .style("primary")
                                                                            .accessibilityLabel(
                                                                                    "go there")))
                                            .expand(true)),
                    section(
                            s ->
                                    s.text(plainText("with a select"))
                                            .accessory(
                                                    staticSelect(
                                                            x ->
                                                                    x.actionId("sel")
                                                                            .options(
                                                                                    List.of(
                                                                                            option(
                                                                                                    plainText(
                                                                                                            "one"),
                                                                                                    "1")))))),
                    section(s -> s.fields(List.of())),
                    context(
                            c ->
                                    c.blockId("c1")
                                            .elements(
                                                    List.of(
                                                            markdownText("ctx"),
                                                            plainText("p"),
                                                            BlockElements.image(
                                                                    i ->
                                                                            i.imageUrl(
                                                                                            "https://example.com/i.png")
                                                                                    .altText(
                                                                                            "alt"))))),
                    context(c -> c.elements(List.of())),
                    actions(
                            a ->
                                    a.blockId("a")
                                            .elements(
                                                    List.of(
                                                            button(
                                                                    b ->
                                                                            b.actionId("b1")
                                                                                    .text(
                                                                                            plainText(
                                                                                                    "One"))
                                                                                    .value("1")),
                                                            button(
                                                                    b ->
                                                                            b.actionId("b2")
                                                                                    .text(
                                                                                            plainText(
                                                                                                    "Danger"))
                                                                                    .style("danger")
                                                                                    .confirm(
                                                                                            confirmationDialog(
                                                                                                    d ->
                                                                                                            d.title(
                                                                                                                            plainText(
                                                                                                                                    "Sure?"))
                                                                                                                    .text(
                                                                                                                            markdownText(
                                                                                                                                    "Really"))
                                                                                                                    .confirm(
                                                                                                                            plainText(
                                                                                                                                    "Yes"))
                                                                                                                    .deny(
                                                                                                                            plainText(
                                                                                                                                    "No"))))),
                                                            staticSelect(
                                                                    x ->
                                                                            x.actionId("s")
                                                                                    .placeholder(
                                                                                            plainText(
                                                                                                    "Pick"))
                                                                                    .options(
                                                                                            List.of(
                                                                                                    option(
                                                                                                            plainText(
                                                                                                                    "two"),
                                                                                                            "2"))))))),
                    actions(a -> a.elements(List.of(button(b -> b.text(plainText("")))))),
                    divider(),
                    DividerBlock.builder().blockId("d1").build(),
                    input(
                            i ->
                                    i.blockId("in")
                                            .label(plainText("Amount"))
                                            .element(plainTextInput(p -> p.actionId("amount")))));

    /**
     * Blocks, elements and texts BlockAdapters does not write itself: the SDK's adapters behind it
     * must write them (a Gson reflection fallback would write an interface as {@code {}}).
     */
    private static final List<LayoutBlock> DELEGATED =
            List.of(
                    image(
                            i ->
                                    i.blockId("img")
                                            .imageUrl("https://example.com/i.png?a=1&b=2")
                                            .altText("a <chart>")
                                            .title(plainText("Pipeline"))),
                    input(
                            i ->
                                    i.blockId("in")
                                            .label(plainText("Pick one"))
                                            .optional(true)
                                            .element(
                                                    staticSelect(
                                                            x ->
                                                                    x.actionId("sel")
                                                                            .placeholder(
                                                                                    plainText(
                                                                                            "Choose"))
                                                                            .options(
                                                                                    List.of(
                                                                                            option(
                                                                                                    plainText(
                                                                                                            "one"),
                                                                                                    "1"),
                                                                                            option(
                                                                                                    plainText(
                                                                                                            "two"),
                                                                                                    "2")))))),
                    actions(
                            a ->
                                    a.elements(
                                            List.of(
                                                    button(
                                                            b ->
                                                                    b.actionId("del")
                                                                            .text(
                                                                                    plainText(
                                                                                            "Delete"))
                                                                            .value("7")
                                                                            .style("danger")
                                                                            .confirm(
                                                                                    confirmationDialog(
                                                                                            d ->
                                                                                                    d.title(
                                                                                                                    plainText(
                                                                                                                            "Sure?"))
                                                                                                            .text(
                                                                                                                    markdownText(
                                                                                                                            "Really <@U1> & all?"))
                                                                                                            .confirm(
                                                                                                                    plainText(
                                                                                                                            "Yes"))
                                                                                                            .deny(
                                                                                                                    plainText(
                                                                                                                            "No"))
                                                                                                            .style(
                                                                                                                    "danger"))))))));

    @Test
    void gson_asks_the_fast_adapters_before_the_sdks_own() {
        for (Class<?> type :
                List.of(
                        LayoutBlock.class,
                        BlockElement.class,
                        TextObject.class,
                        ContextBlockElement.class)) {
            TypeAdapter<?> adapter = BlockJson.GSON.getAdapter(type);
            assertThat(adapter.getClass().getEnclosingClass())
                    .as(type.getSimpleName())
                    .isEqualTo(BlockAdapters.class);
            assertThat(BlockJson.SDK.getAdapter(type).getClass().getEnclosingClass())
                    .as("the SDK's own Gson is left alone")
                    .isNotEqualTo(BlockAdapters.class);
        }
        // Subclasses are not taken over (the SDK registers none for them either).
        assertThat(BlockJson.GSON.getAdapter(SectionBlock.class).getClass().getEnclosingClass())
                .isNotEqualTo(BlockAdapters.class);
    }

    @Test
    void what_the_fast_adapters_do_not_write_is_written_by_the_sdks_adapters() {
        assertSameAsSdk(DELEGATED);
        for (LayoutBlock block : DELEGATED) {
            assertThat(BlockJson.GSON.toJson(block, LayoutBlock.class))
                    .isEqualTo(SDK_UNESCAPED.toJson(block, LayoutBlock.class));
        }
        String json = BlockJson.blocks(DELEGATED);
        assertThat(json)
                .contains(
                        "{\"type\":\"image\",\"image_url\":\"https://example.com/i.png?a=1&b=2\",\"alt_text\":\"a <chart>\"")
                .contains("\"element\":{\"type\":\"static_select\"")
                .contains("\"confirm\":{\"title\":{\"type\":\"plain_text\",\"text\":\"Sure?\"}")
                .contains("Really <@U1> & all?");
        // The same for an element on its own.
        ActionsBlock withConfirm = (ActionsBlock) DELEGATED.get(2);
        BlockElement button = withConfirm.getElements().get(0);
        assertThat(BlockJson.GSON.toJson(button, BlockElement.class))
                .isEqualTo(SDK_UNESCAPED.toJson(button, BlockElement.class))
                .contains("\"confirm\"");
    }

    @Test
    void reading_is_left_to_the_sdks_adapters() {
        List<LayoutBlock> all = new java.util.ArrayList<>(KITCHEN_SINK);
        all.addAll(DELEGATED);
        String json = BlockJson.SDK.toJson(all, BLOCK_LIST);
        List<LayoutBlock> read = BlockJson.GSON.fromJson(json, BLOCK_LIST);
        List<LayoutBlock> sdk = BlockJson.SDK.fromJson(json, BLOCK_LIST);
        assertThat(read).isEqualTo(sdk).isEqualTo(all);
        assertThat(read.get(0)).isInstanceOf(HeaderBlock.class);
        // And what the fast adapters wrote reads back as what was written.
        assertThat(BlockJson.GSON.<List<LayoutBlock>>fromJson(BlockJson.blocks(all), BLOCK_LIST))
                .isEqualTo(all);
    }

    @Test
    void the_fast_adapters_serve_gson_wherever_blocks_are_nested() {
        SlashCommandResponse response =
                SlashCommandResponse.builder().text("a <b> & c").blocks(KITCHEN_SINK).build();
        String json = BlockJson.GSON.toJson(response);
        assertThat(json).isEqualTo(SDK_UNESCAPED.toJson(response)).doesNotContain("\\u003c");
        assertThat(JsonParser.parseString(json)).isEqualTo(BlockJson.SDK.toJsonTree(response));
    }

    @Test
    void the_kitchen_sink_is_written_as_the_sdk_writes_it() {
        assertSameAsSdk(KITCHEN_SINK);
    }

    @Test
    void the_apps_own_views_are_written_as_the_sdk_writes_them() {
        assertSameAsSdk(StatusViews.onboarding());
        assertSameAsSdk(CommandViews.help());
        assertSameAsSdk(ForecastViews.modal(Optional.empty(), Optional.empty(), "").getBlocks());
        assertSameAsSdk(List.of());
    }

    @Test
    void an_ack_is_what_bolt_answers_for_the_same_text_and_blocks() {
        String text = "bossreview status: boss <@UBOSS>, streak 3 — \"well done\"";
        Response fast = BlockJson.ack(text, KITCHEN_SINK);
        Response bolt =
                Response.json(
                        200,
                        SlashCommandResponse.builder().text(text).blocks(KITCHEN_SINK).build());
        assertThat(fast.getStatusCode()).isEqualTo(bolt.getStatusCode());
        assertThat(fast.getContentType()).isEqualTo(bolt.getContentType());
        assertThat(JsonParser.parseString(fast.getBody()))
                .isEqualTo(JsonParser.parseString(bolt.getBody()));
        assertThat(fast.getBody())
                .as("to the character, but for Bolt's HTML escaping")
                .isEqualTo(
                        SDK_UNESCAPED.toJson(
                                SlashCommandResponse.builder()
                                        .text(text)
                                        .blocks(KITCHEN_SINK)
                                        .build()));
        // No text: left out, as Bolt leaves it out.
        assertThat(JsonParser.parseString(BlockJson.ack(null, List.of()).getBody()))
                .isEqualTo(
                        JsonParser.parseString(
                                Response.json(
                                                200,
                                                SlashCommandResponse.builder()
                                                        .blocks(List.of())
                                                        .build())
                                        .getBody()));
    }

    @Test
    void a_dm_is_the_chat_post_message_the_sdk_would_send_as_json() {
        JsonObject body =
                JsonParser.parseString(
                                BlockJson.postMessage(
                                        "U0MANAGER", "Time to <book> \"it\" — now", KITCHEN_SINK))
                        .getAsJsonObject();
        assertThat(body.get("channel").getAsString()).isEqualTo("U0MANAGER");
        assertThat(body.get("text").getAsString()).isEqualTo("Time to <book> \"it\" — now");
        assertThat(body.get("blocks")).isEqualTo(BlockJson.SDK.toJsonTree(KITCHEN_SINK));
        assertThat(body.get("unfurl_links").getAsBoolean()).isFalse();
        assertThat(body.get("unfurl_media").getAsBoolean()).isFalse();
        assertThat(
                        JsonParser.parseString(BlockJson.postMessage("U1", "plain", List.of()))
                                .getAsJsonObject()
                                .has("blocks"))
                .as("no empty blocks array: Slack refuses it")
                .isFalse();
    }

    /**
     * The classes {@link BlockJson} writes field by field have exactly the fields it writes. A new
     * SDK that adds one (say, a new button option) fails here instead of the field being silently
     * dropped.
     */
    @Test
    void every_field_of_the_classes_written_by_hand_is_accounted_for() {
        assertFields(HeaderBlock.class, "type", "blockId", "text");
        assertFields(
                SectionBlock.class, "type", "text", "blockId", "fields", "accessory", "expand");
        assertFields(ContextBlock.class, "type", "elements", "blockId");
        assertFields(ActionsBlock.class, "type", "elements", "blockId");
        assertFields(DividerBlock.class, "type", "blockId");
        assertFields(
                ButtonElement.class,
                "type",
                "text",
                "actionId",
                "url",
                "value",
                "style",
                "confirm",
                "accessibilityLabel");
        assertFields(PlainTextObject.class, "type", "text", "emoji");
        assertFields(MarkdownTextObject.class, "type", "text", "verbatim");
        // The parents' fields count too: a field added to BlockElement or TextObject would reach
        // buttons and texts.
        assertFields(com.slack.api.model.block.element.BlockElement.class);
        assertFields(com.slack.api.model.block.composition.TextObject.class);
        assertFields(LayoutBlock.class);
        // The image in the kitchen sink really goes through the SDK (it is no TextObject).
        assertThat(
                        com.slack.api.model.block.composition.TextObject.class.isAssignableFrom(
                                ImageElement.class))
                .isFalse();
    }

    private static void assertFields(Class<?> type, String... expected) {
        List<String> fields =
                Arrays.stream(type.getDeclaredFields())
                        .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                        .map(Field::getName)
                        .toList();
        assertThat(fields).as(type.getSimpleName()).containsExactlyInAnyOrder(expected);
    }

    private static void assertSameAsSdk(List<LayoutBlock> blocks) {
        String fast = BlockJson.blocks(blocks);
        assertThat(JsonParser.parseString(fast)).isEqualTo(BlockJson.SDK.toJsonTree(blocks));
        // To the character, field order included, but for the HTML escaping left out.
        assertThat(fast).isEqualTo(SDK_UNESCAPED.toJson(blocks, BLOCK_LIST));
        assertThat(fast).doesNotContain("\\u003c"); // no HTML escaping: Slack reads JSON, not HTML
        // Gson's own List adapter, through the fast adapters, writes the same.
        assertThat(BlockJson.GSON.toJson(blocks, BLOCK_LIST)).isEqualTo(fast);
    }
}
