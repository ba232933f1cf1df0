package com.bossreview.boss;

/** The boss's answer to something a manager sent: the three buttons of every DM to the boss. */
public enum BossReply {
    THANKS,
    LETS_TALK,
    ASK;

    /**
     * Thanks and Let's talk close the conversation: one of them per thing sent, and the buttons go.
     */
    public boolean closes() {
        return this != ASK;
    }
}
