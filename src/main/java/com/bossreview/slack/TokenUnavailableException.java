package com.bossreview.slack;

/**
 * A workspace is installed but its stored token cannot be opened by this instance (sealed with an
 * encryption key this instance was not given, as while a key rotation rolls out). Not the same as
 * "not installed": the request is answered "try again in a moment" and nudges wait, nothing is
 * deleted or failed for good; another instance, or this one after a restart with the key, can open
 * it.
 */
public final class TokenUnavailableException extends RuntimeException {
    public TokenUnavailableException(String message) {
        super(message);
    }
}
