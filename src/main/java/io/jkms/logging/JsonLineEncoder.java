package io.jkms.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line: {@code time}, {@code level}, {@code logger}, {@code thread}, {@code message}, each
 * SLF4J key-value pair of the event as a key of its own (numbers stay numbers), and {@code error} with the stack
 * trace when there is one. Logback's own JsonEncoder nests key-value pairs in a list of one-key objects, which
 * {@code jq '.peer'} cannot read; this is the flat shape log shippers expect.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final Set<String> RESERVED = Set.of("time", "level", "logger", "thread", "message", "error");
    private static final byte[] NO_BYTES = new byte[0];

    private final JsonFactory json = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("time", event.getInstant().toString());
            generator.writeStringField("level", event.getLevel().toString());
            generator.writeStringField("logger", event.getLoggerName());
            generator.writeStringField("thread", event.getThreadName());
            generator.writeStringField("message", event.getFormattedMessage());
            writePairs(generator, event.getKeyValuePairs());
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                generator.writeStringField("error", ThrowableProxyUtil.asString(error));
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void writePairs(JsonGenerator generator, List<KeyValuePair> pairs) throws IOException {
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            // A pair may not overwrite the fields every line has; it keeps its value under a prefixed name.
            String key = RESERVED.contains(pair.key) ? "kv_" + pair.key : pair.key;
            Object value = pair.value;
            if (value instanceof Long || value instanceof Integer || value instanceof Short) {
                generator.writeNumberField(key, ((Number) value).longValue());
            } else if (value instanceof Boolean bool) {
                generator.writeBooleanField(key, bool);
            } else if (value == null) {
                generator.writeNullField(key);
            } else {
                generator.writeStringField(key, value.toString());
            }
        }
    }

    @Override
    public byte[] footerBytes() {
        return NO_BYTES;
    }
}
