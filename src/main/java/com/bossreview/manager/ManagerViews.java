package com.bossreview.manager;

import com.bossreview.command.Subcommand;

/** Texts of the manager feature. */
public final class ManagerViews {
    private ManagerViews() {}

    static String bossUsage(boolean empty) {
        return (empty
                        ? ":bust_in_silhouette: Who's your boss? "
                        : ":thinking_face: That isn't a mention of one person. ")
                + "Usage: `"
                + Subcommand.BOSS.usage()
                + "` — type @ and pick them from the list.";
    }
}
