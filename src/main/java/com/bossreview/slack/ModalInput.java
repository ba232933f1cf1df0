package com.bossreview.slack;

import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.model.view.ViewState;
import java.util.Map;

/** What a submitted modal's fields hold. */
public final class ModalInput {
    private ModalInput() {}

    /**
     * The text typed in the plain-text input {@code action} of block {@code block}; empty when none
     * was, or no such field.
     */
    public static String typed(ViewSubmissionRequest request, String block, String action) {
        ViewState state = request.getPayload().getView().getState();
        Map<String, ViewState.Value> inBlock =
                state == null || state.getValues() == null ? null : state.getValues().get(block);
        ViewState.Value v = inBlock == null ? null : inBlock.get(action);
        return v == null || v.getValue() == null ? "" : v.getValue();
    }
}
