package com.bossreview.boss;

/**
 * What a boss is answering, as the feature that sent it describes it.
 *
 * @param managerId who sent it, and who hears the boss's answer
 * @param about mrkdwn naming it for that manager, already escaped, e.g. {@code your news 'Acme
 *     signed'}
 * @param win good news: a thanks for it may offer the manager a coffee with the boss
 */
public record Sent(String managerId, String about, boolean win) {
    /** Anything but good news. */
    public Sent(String managerId, String about) {
        this(managerId, about, false);
    }
}
