package com.bossreview.news;

import java.util.OptionalLong;

/** Row ids carried in button values: anything but a plain positive number is refused. */
final class Ids {
    private Ids() {
    }

    static OptionalLong parse(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }
}
