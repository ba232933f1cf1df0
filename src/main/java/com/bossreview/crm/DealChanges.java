package com.bossreview.crm;

import java.util.List;

/**
 * One read's changed deals, oldest change first, and the watermark to pass next time. {@code more}:
 * the read stopped at its page cap before the end; the caller reads again with {@code next} (at
 * once, or on its next turn: nothing is lost either way).
 */
public record DealChanges(List<Deal> deals, Watermark next, boolean more) {
    public DealChanges {
        deals = List.copyOf(deals);
    }
}
