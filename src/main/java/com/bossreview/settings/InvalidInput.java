package com.bossreview.settings;

/**
 * Input that does not parse; the message says what is wrong and how to write it. Nothing was
 * changed.
 */
public class InvalidInput extends Exception {
    public InvalidInput(String message) {
        super(message);
    }
}
