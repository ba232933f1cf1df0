package com.bossreview.slack;

/**
 * A modal's private_metadata as the edit modals keep it: what the modal is about ({@code key}: a
 * week, an item's id), and {@code :home} when it was opened from App Home (whose tab is republished
 * after the submission). The key is the caller's to check: the metadata comes back from the client.
 */
public record ModalMetadata(String key, boolean fromHome) {
    private static final String FROM_HOME = ":home";

    public String text() {
        return key + (fromHome ? FROM_HOME : "");
    }

    /** Splits what came back; {@code null} reads as an empty key. */
    public static ModalMetadata parse(String metadata) {
        String m = metadata == null ? "" : metadata;
        boolean home = m.endsWith(FROM_HOME);
        return new ModalMetadata(home ? m.substring(0, m.length() - FROM_HOME.length()) : m, home);
    }
}
