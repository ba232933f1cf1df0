package com.bossreview.install;

/**
 * Tokens another feature keeps sealed with {@code BOSSREVIEW_ENCRYPTION_KEY} in its own tables (the
 * calendar's): the rotation's last step ({@link KeyRotation#resealAll(java.util.List)}) re-seals
 * them too, after new tokens are sealed with the new key. Here, not in the feature, because
 * install/ must not know the features; the feature owns its tables and its contexts.
 */
public interface SealedElsewhere {
    /** What they are, for the operator: {@code calendar tokens}. */
    String what();

    /**
     * Re-seals with {@code cipher}'s current key every value sealed with another key, each with a
     * compare-and-set so a value replaced meanwhile is never overwritten.
     *
     * @return how many values were re-sealed
     */
    int reseal(TokenCipher cipher);
}
