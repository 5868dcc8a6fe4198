package dev.cutout.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {

    private final MicroBatcher<String> batcher = new MicroBatcher<>(3, Duration.ofMillis(50));

    @Test
    void aFullBatchIsReadyAtOnce() {
        batcher.add("a", 0);
        batcher.add("b", 1);
        assertThat(batcher.nextBatch(2)).isEmpty();
        batcher.add("c", 2);
        assertThat(batcher.nextBatch(2)).contains(List.of("a", "b", "c"));
        assertThat(batcher.isEmpty()).isTrue();
    }

    @Test
    void aPartialBatchIsReadyOnceItsOldestItemHasWaitedTheDelay() {
        batcher.add("a", 100);
        batcher.add("b", 130);
        assertThat(batcher.nextBatch(149)).isEmpty();
        assertThat(batcher.millisUntilDue(149, 999)).isEqualTo(1);
        assertThat(batcher.nextBatch(150)).contains(List.of("a", "b"));
    }

    @Test
    void neverTakesMoreThanTheMaximumAndKeepsTheRestInOrder() {
        for (int i = 0; i < 7; i++) {
            batcher.add("r" + i, 0);
        }
        assertThat(batcher.nextBatch(0)).contains(List.of("r0", "r1", "r2"));
        assertThat(batcher.nextBatch(0)).contains(List.of("r3", "r4", "r5"));
        assertThat(batcher.nextBatch(0)).isEmpty();
        assertThat(batcher.nextBatch(50)).contains(List.of("r6"));
    }

    @Test
    void waitsIdleWhenEmptyAndNotAtAllWhenFull() {
        assertThat(batcher.millisUntilDue(0, 200)).isEqualTo(200);
        batcher.add("a", 0);
        batcher.add("b", 0);
        batcher.add("c", 0);
        assertThat(batcher.millisUntilDue(0, 200)).isZero();
    }

    @Test
    void removesTheItemsOfRevokedPartitions() {
        batcher.add("p0-1", 0);
        batcher.add("p1-1", 0);
        batcher.add("p0-2", 0);
        assertThat(batcher.removeIf(item -> item.startsWith("p0"))).containsExactly("p0-1", "p0-2");
        assertThat(batcher.nextBatch(100)).contains(List.of("p1-1"));
    }
}
