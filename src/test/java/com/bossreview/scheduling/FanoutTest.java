package com.bossreview.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.db.BackgroundWork;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanoutTest {
    @Test
    void items_run_side_by_side_up_to_the_width_and_all_are_done_on_return() {
        List<Integer> items = IntStream.range(0, 12).boxed().toList();
        // three items must be in their work at the same time to pass the barrier: with less than
        // three at once, await times out and the item is not counted
        CyclicBarrier three = new CyclicBarrier(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Set<Boolean> marked = ConcurrentHashMap.newKeySet();

        Fanout.each(
                "test",
                items,
                3,
                i -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    marked.add(BackgroundWork.isCurrentThread());
                    try {
                        three.await(10, TimeUnit.SECONDS);
                        done.add(i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    } finally {
                        running.decrementAndGet();
                    }
                });

        assertThat(done).hasSize(12);
        assertThat(most.get()).isEqualTo(3);
        assertThat(marked).containsExactly(true);
    }

    @Test
    void one_item_failing_does_not_stop_the_others() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Fanout.each(
                "test",
                List.of(1, 2, 3, 4),
                2,
                i -> {
                    if (i == 2) {
                        throw new IllegalStateException("boom");
                    }
                    done.add(i);
                });
        assertThat(done).containsExactlyInAnyOrder(1, 3, 4);
    }
}
