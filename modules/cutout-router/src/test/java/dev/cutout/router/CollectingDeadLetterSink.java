package dev.cutout.router;

import dev.cutout.events.DeadLetter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps the letters in memory, for topology tests that run without a broker. */
final class CollectingDeadLetterSink implements DeadLetterSink {

    final List<DeadLetter> letters = new CopyOnWriteArrayList<>();

    @Override
    public void send(DeadLetter letter) {
        letters.add(letter);
    }

    @Override
    public void close() {
    }
}
