package dev.vigil.devstack;

import dev.vigil.contracts.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record a consumer parked on its dead-letter topic, read back with what its headers say about it: where it
 * came from, why it was parked, and whether it has been re-driven since.
 */
record ParkedRecord(Position position, Instant parkedAt, String originalTopic, String originalPartition,
        String originalOffset, String tenant, String eventId, String reason, boolean redriven,
        ConsumerRecord<byte[], byte[]> record) {

    /** Headers the consumers' dead-lettering adds (ours and SmallRye's); a re-driven copy drops them. */
    static final String DEAD_LETTER_PREFIX = "dead-letter-";
    static final String REASON = "dead-letter-reason";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";

    static ParkedRecord of(ConsumerRecord<byte[], byte[]> record, boolean redriven) {
        return new ParkedRecord(new Position(record.partition(), record.offset()),
                Instant.ofEpochMilli(record.timestamp()), header(record, TOPIC), header(record, PARTITION),
                header(record, OFFSET), header(record, CloudEventHeaders.TENANT), header(record, CloudEventHeaders.ID),
                header(record, REASON), redriven, record);
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Where the record first was, as {@code topic-partition@offset}. */
    String origin() {
        return originalTopic == null ? "?" : originalTopic + "-" + originalPartition + "@" + originalOffset;
    }

    /**
     * A record's place on the dead-letter topic. Written as the bare offset on partition 0 (the local stack's
     * dead-letter topics have one partition) and as {@code partition:offset} elsewhere.
     */
    record Position(int partition, long offset) {
        static Position parse(String text) {
            int colon = text.indexOf(':');
            try {
                return colon < 0 ? new Position(0, Long.parseLong(text))
                        : new Position(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new UsageException("not an offset: " + text + " (expected N or PARTITION:N)");
            }
        }

        @Override
        public String toString() {
            return partition == 0 ? Long.toString(offset) : partition + ":" + offset;
        }
    }
}
