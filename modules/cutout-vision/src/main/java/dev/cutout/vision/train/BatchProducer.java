package dev.cutout.vision.train;

import dev.cutout.vision.data.Augmenter;
import dev.cutout.vision.data.TrainingExample;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Prepares augmented batches on a background thread while the network trains on the previous
 * one, so the CPU's cores never wait for image work.
 */
final class BatchProducer implements AutoCloseable {

    /** A batch as flat arrays: {@code B x 3 x S x S} inputs and {@code B x 1 x S x S} masks. */
    record Batch(int count, int size, float[] inputs, float[] masks) {}

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(3);
    private final Thread thread;
    private volatile RuntimeException failure;

    BatchProducer(TrainingData data, Augmenter augmenter, int batchSize, int size, int batches, long seed) {
        thread = new Thread(() -> produce(data, augmenter, batchSize, size, batches, new Random(seed)),
                "batch-producer");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(TrainingData data, Augmenter augmenter, int batchSize, int size, int batches, Random random) {
        try {
            int plane = size * size;
            for (int b = 0; b < batches; b++) {
                float[] inputs = new float[batchSize * 3 * plane];
                float[] masks = new float[batchSize * plane];
                for (int i = 0; i < batchSize; i++) {
                    TrainingExample example = augmenter.apply(data.draw(random), random);
                    System.arraycopy(example.input(), 0, inputs, i * 3 * plane, 3 * plane);
                    System.arraycopy(example.mask(), 0, masks, i * plane, plane);
                }
                queue.put(new Batch(batchSize, size, inputs, masks));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    Batch next() throws InterruptedException {
        while (true) {
            Batch batch = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
            if (batch != null) {
                return batch;
            }
            if (failure != null) {
                throw new IllegalStateException("batch preparation failed", failure);
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
