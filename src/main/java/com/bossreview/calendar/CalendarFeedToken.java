package com.bossreview.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A feed's capability: 32 random bytes (256 bits, beyond guessing), base64url without padding so it
 * sits in a URL path as it is. Looked up by its SHA-256.
 */
final class CalendarFeedToken {
    static final int BYTES = 32;

    /** 32 bytes in base64url without padding: 43 characters. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CalendarFeedToken() {}

    static String random(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code text} could be a token at all: anything else is not looked up. */
    static boolean wellFormed(String text) {
        return SHAPE.matcher(text).matches();
    }

    /** Lower-case hex SHA-256 of the token's text. */
    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
