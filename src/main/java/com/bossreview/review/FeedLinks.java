package com.bossreview.review;

import java.net.URI;
import java.util.Optional;

/**
 * A manager's "Add to calendar" link (an {@code .ics} of the weekly review), offered under the slot
 * reply; empty when the app has no public URL to serve it from.
 */
@FunctionalInterface
public interface FeedLinks {
    Optional<URI> link(String team, String user);
}
