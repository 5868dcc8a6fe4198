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

    /** A batch as flat arrays: {@code B x C x S x S} inputs and {@code B x 1 x S x S} masks. */
    record Batch(int count, int size, float[] inputs, float[] masks) {}

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(3);
    private final Thread thread;
    private volatile RuntimeException failure;

    /** Makes one batch from the producer's random source. */
    @FunctionalInterface
    interface BatchSource {
        Batch make(Random random);
    }

    BatchProducer(BatchSource source, int batches, long seed) {
        thread = new Thread(() -> produce(source, batches, new Random(seed)), "batch-producer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Segmenter batches: {@code batchSize} augmented images of {@code size x size}. */
    static BatchProducer ofImages(TrainingData data, Augmenter augmenter, int batchSize, int size, int batches,
            long seed) {
        int plane = size * size;
        return new BatchProducer(random -> {
            float[] inputs = new float[batchSize * 3 * plane];
            float[] masks = new float[batchSize * plane];
            for (int i = 0; i < batchSize; i++) {
                TrainingExample example = augmenter.apply(data.draw(random), random);
                System.arraycopy(example.input(), 0, inputs, i * 3 * plane, 3 * plane);
                System.arraycopy(example.mask(), 0, masks, i * plane, plane);
            }
            return new Batch(batchSize, size, inputs, masks);
        }, batches, seed);
    }

    private void produce(BatchSource source, int batches, Random random) {
        try {
            for (int b = 0; b < batches; b++) {
                queue.put(source.make(random));
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
