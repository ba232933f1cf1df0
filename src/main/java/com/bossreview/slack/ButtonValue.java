package com.bossreview.slack;

import com.slack.api.bolt.request.builtin.BlockActionRequest;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Row ids in what buttons carry ({@code value}) and modals keep ({@code private_metadata}): written
 * as the plain decimal number, read back only as that. A value comes from the client and anyone can
 * forge a click, so anything else — blank, a sign, spaces, a fraction or exponent, zero, more than
 * 18 digits (so it always fits a {@code long}) — is refused as empty; each handler answers that as
 * it answers an id that is not the clicker's.
 */
public final class ButtonValue {
    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private ButtonValue() {}

    /**
     * The value naming row {@code id}; a row id is positive, so anything else is a bug here, not a
     * button.
     */
    public static String ofId(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("row ids are positive, not " + id);
        }
        return Long.toString(id);
    }

    /**
     * The row id {@code value} names: empty unless it is a plain positive number of at most 18
     * digits.
     */
    public static OptionalLong id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** The value of the button clicked; null when the payload carries none. */
    public static String clicked(BlockActionRequest request) {
        var actions = request.getPayload().getActions();
        return actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
    }
}
