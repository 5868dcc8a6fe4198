package dev.cutout.router;

import dev.cutout.common.dlq.DeadLetters;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output that cannot be written because of the record itself (it does not serialize, e.g. the registry
 * refuses its schema, or it is too large) sends the input record to the dead-letter topic of its source
 * topic, and processing continues. Any other send failure (broker or network trouble) fails the task:
 * under exactly-once the transaction aborts and the input is processed again.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetterSink sink;

    @Override
    public void configure(Map<String, ?> configs) {
        sink = DeadLetterSink.from(configs);
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context,
            ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return ProductionExceptionHandlerResponse.FAIL;
        }
        return deadLetter(context, record, exception, "too large for " + record.topic());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        return deadLetter(context, record, exception,
                "could not serialize the " + origin.name().toLowerCase() + " for " + record.topic());
    }

    private ProductionExceptionHandlerResponse deadLetter(ErrorHandlerContext context, ProducerRecord<?, ?> output,
            Exception exception, String what) {
        String topic = context.topic() != null ? context.topic() : output.topic();
        DeadLetter letter = DeadLetters.of(RouterService.SERVICE, topic, context.partition(), context.offset(),
                DeadLetters.keyText(output.key()), context.timestamp(), DeadLetterReason.PROCESSING_FAILED,
                "output " + what + ": " + exception.getMessage(), exception);
        try {
            sink.send(letter);
        } catch (RuntimeException e) {
            LOG.error("could not write the dead letter of {}-{}@{}; failing", topic, context.partition(),
                    context.offset(), e);
            return ProductionExceptionHandlerResponse.FAIL;
        }
        LOG.warn("output of {}-{}@{} not written ({}), input sent to the DLQ: {}", topic, context.partition(),
                context.offset(), what, exception.getMessage());
        return ProductionExceptionHandlerResponse.CONTINUE;
    }
}
