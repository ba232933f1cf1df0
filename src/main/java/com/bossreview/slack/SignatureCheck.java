package com.bossreview.slack;

import com.bossreview.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (v0 HMAC-SHA256 over {@code v0:timestamp:body}). Unlike Bolt's check it
 * refuses timestamps more than five minutes away from now in <em>either</em> direction, hashes the
 * raw bytes (not the platform charset) and reads "now" from an injectable clock.
 */
public final class SignatureCheck {
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    public enum Result {
        VALID,
        MISSING,
        STALE,
        MISMATCH
    }

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * A keyed Mac per thread: looking up the JCA provider and keying a new one cost more than
     * hashing a request.
     */
    private final ThreadLocal<Mac> macs;

    public SignatureCheck(Secret signingSecret, Clock clock) {
        this.key =
                new SecretKeySpec(
                        signingSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public Result check(String timestampHeader, String signatureHeader, byte[] body) {
        if (timestampHeader == null || signatureHeader == null) {
            return Result.MISSING;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Result.MISSING;
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > MAX_SKEW.toSeconds()) {
            return Result.STALE;
        }
        byte[] expected = sign(timestampHeader.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Result.VALID : Result.MISMATCH;
    }

    /**
     * {@code v0=<hex>} for this timestamp and body: what Slack sends in {@code X-Slack-Signature}.
     */
    public String sign(String timestamp, byte[] body) {
        Mac mac = macs.get();
        mac.reset();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
        return "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(body)); // doFinal leaves the Mac keyed and reset
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
