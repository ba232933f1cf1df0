package com.bossreview.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.image;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.command.CommandViews;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.status.StatusViews;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.ImageElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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
                                                            image(
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
        assertThat(fast).doesNotContain("\\u003c"); // no HTML escaping: Slack reads JSON, not HTML
    }
}
