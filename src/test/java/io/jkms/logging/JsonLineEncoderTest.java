package io.jkms.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class JsonLineEncoderTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");

    static LoggingEvent event(String message, Throwable error, Object... keyValues) {
        LoggerContext context = new LoggerContext();
        LoggingEvent e = new LoggingEvent("fqcn", context.getLogger("io.jkms.host.ActivationLog"), Level.INFO, message,
                error, null);
        e.setInstant(AT);
        e.setThreadName("kms-io-1");
        for (int i = 0; i < keyValues.length; i += 2) {
            e.addKeyValuePair(new KeyValuePair((String) keyValues[i], keyValues[i + 1]));
        }
        return e;
    }

    static String line(LoggingEvent event) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void oneFlatObjectPerLineWithTheFixedFieldsFirst() throws Exception {
        String line = line(event("activated", null, "peer", "127.0.0.1:50000"));

        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        assertThat(line).startsWith("{\"time\":\"2026-03-01T10:15:30.123Z\",\"level\":\"INFO\",\"logger\":"
                + "\"io.jkms.host.ActivationLog\",\"thread\":\"kms-io-1\",\"message\":\"activated\"");
        assertThat(JSON.readTree(line).path("peer").asText()).isEqualTo("127.0.0.1:50000");
    }

    @Test
    void numbersAndBooleansStayTypedAndNullStaysNull() throws Exception {
        JsonNode json = JSON.readTree(line(event("m", null, "count", 25L, "n", 3, "s", (short) 2, "ok", true,
                "none", null, "ratio", 0.5)));

        assertThat(json.path("count").isNumber()).isTrue();
        assertThat(json.path("count").asLong()).isEqualTo(25);
        assertThat(json.path("n").asInt()).isEqualTo(3);
        assertThat(json.path("s").asInt()).isEqualTo(2);
        assertThat(json.path("ok").isBoolean()).isTrue();
        assertThat(json.path("none").isNull()).isTrue();
        assertThat(json.path("ratio").isTextual()).as("other types as text").isTrue();
        assertThat(json.path("ratio").asText()).isEqualTo("0.5");
    }

    @Test
    void aPairCannotOverwriteAFixedField() throws Exception {
        JsonNode json = JSON.readTree(line(event("real", null, "message", "forged", "level", "ERROR", "time", 1L)));

        assertThat(json.path("message").asText()).isEqualTo("real");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("kv_message").asText()).isEqualTo("forged");
        assertThat(json.path("kv_level").asText()).isEqualTo("ERROR");
        assertThat(json.path("kv_time").asLong()).isEqualTo(1);
    }

    @Test
    void hostileTextIsEscapedSoItCannotStartANewLineOrField() throws Exception {
        String hostile = "x\"}\n{\"level\":\"ERROR\u0000\u2028";
        String line = line(event(hostile, null, "workstation", hostile));

        assertThat(line).hasLineCount(1);
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("message").asText()).isEqualTo(hostile);
        assertThat(json.path("workstation").asText()).isEqualTo(hostile);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void anErrorCarriesItsStackTrace() throws Exception {
        JsonNode json = JSON.readTree(line(event("failed", new IllegalStateException("boom"))));

        assertThat(json.path("error").asText()).contains("java.lang.IllegalStateException: boom",
                "at io.jkms.logging.JsonLineEncoderTest");
        assertThat(JSON.readTree(line(event("fine", null))).has("error")).isFalse();
    }

    @Test
    void noHeaderOrFooter() {
        JsonLineEncoder encoder = new JsonLineEncoder();
        assertThat(encoder.headerBytes()).isEmpty();
        assertThat(encoder.footerBytes()).isEmpty();
    }
}
