package dev.cutout.router;

import dev.cutout.common.dlq.DeadLetters;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws (an {@link InvalidEventException}, or a bug) goes to the dead-letter
 * topic of the topic it came from, and the topology carries on with the next record. When the letter
 * cannot be written, the task fails, so that the record is not lost.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetterSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        sink = DeadLetterSink.from(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        DeadLetterReason reason = exception instanceof InvalidEventException
                ? DeadLetterReason.INVALID_EVENT : DeadLetterReason.PROCESSING_FAILED;
        String topic = context.topic() != null ? context.topic() : "unknown";
        DeadLetter letter = DeadLetters.of(RouterService.SERVICE, topic, context.partition(), context.offset(),
                DeadLetters.keyText(record.key()), record.timestamp(), reason,
                "in " + context.processorNodeId() + ": " + exception.getMessage(), exception);
        try {
            sink.send(letter);
        } catch (RuntimeException e) {
            LOG.error("could not write the dead letter of {}-{}@{}; failing", topic, context.partition(),
                    context.offset(), e);
            return ProcessingHandlerResponse.FAIL;
        }
        LOG.warn("{}-{}@{} failed in {}, sent to the DLQ: {}", topic, context.partition(), context.offset(),
                context.processorNodeId(), exception.getMessage());
        return ProcessingHandlerResponse.CONTINUE;
    }
}
