package com.bossreview.boss;

/**
 * What a boss is answering, as the feature that sent it describes it.
 *
 * @param managerId who sent it, and who hears the boss's answer
 * @param about mrkdwn naming it for that manager, already escaped, e.g. {@code your news 'Acme
 *     signed'}
 */
public record Sent(String managerId, String about) {}
