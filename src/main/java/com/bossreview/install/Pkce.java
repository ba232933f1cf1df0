package com.bossreview.install;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PKCE (RFC 7636) for the calendar's and the CRM's OAuth connections: the verifier kept sealed with
 * the round trip's state, and its S256 challenge sent on the consent link.
 */
public final class Pkce {
    private Pkce() {}

    /** A verifier: 32 random bytes, base64url (43 characters). */
    public static String newVerifier(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The S256 challenge of {@code verifier}: base64url of its SHA-256. */
    public static String challenge(String verifier) {
        try {
            byte[] sha =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
