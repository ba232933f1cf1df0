package com.bossreview.config;

/** A configuration problem: its message names the variable and says how to fix it, on one line. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
