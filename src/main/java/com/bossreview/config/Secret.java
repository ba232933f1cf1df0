package com.bossreview.config;

import java.util.Objects;

/**
 * A secret value whose {@code toString} never reveals it, so it cannot leak through logs or
 * records.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /**
     * The real value: only for the one place that needs it (an HTTP header, a HMAC key, a JDBC
     * login).
     */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
