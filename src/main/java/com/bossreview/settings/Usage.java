package com.bossreview.settings;

/** How a setting is written, for the usage line that ends every refusal of its value. */
interface Usage {
    String usage();

    String example();
}
