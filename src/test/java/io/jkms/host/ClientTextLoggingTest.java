package io.jkms.host;

import io.jkms.activation.ActivationEvent;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jkms.catalog.Catalog;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.ProtocolVersion;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Workstation names come from the network: in the log they are one line, with every control made visible. */
class ClientTextLoggingTest {
    private static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    private static final UUID WINDOWS_10_PRO = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    private static final UUID WINDOWS_10_KMS_ID = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.jkms.activation");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void aNewlineInAWorkstationNameCannotForgeASecondLogLine() {
        log("PC1\n2026-12-01 INFO ActivationLog - 10.0.0.9 ADMIN ok\r");

        String line = onlyLine();
        assertThat(line).doesNotContain("\n").doesNotContain("\r")
                .contains("PC1\\n2026-12-01 INFO ActivationLog - 10.0.0.9 ADMIN ok\\r");
    }

    @Test
    void ansiEscapesC1ControlsAndBidiOverridesAreShownAsEscapes() {
        log("\u001b[31mRED\u001b[0m\u009b2J\u202eexe.txt\u2066x\u2069");

        String line = onlyLine();
        assertThat(line).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\u202e")
                .doesNotContain("\u2066").doesNotContain("\u2069")
                .contains("\\x1b[31mRED\\x1b[0m\\x9b2J\\u202eexe.txt\\u2066x\\u2069");
    }

    @Test
    void aBackslashIsDoubledSoThatAnEscapeCannotBeFaked() {
        log("PC\\nX");

        assertThat(onlyLine()).contains("PC\\\\nX");
    }

    private void log(String workstation) {
        KmsRequest request = new KmsRequest(ProtocolVersion.V6, 0, 2, 43200, WINDOWS, WINDOWS_10_PRO,
                WINDOWS_10_KMS_ID, UUID.randomUUID(), 25, FileTime.fromInstant(Instant.now()), new UUID(0, 0),
                workstation);
        new ActivationLog(Catalog.loadDefault()).onActivation(new ActivationEvent(Instant.now(),
                new InetSocketAddress("127.0.0.1", 50000), Optional.of(request), Optional.empty(), 0xC004F042,
                "test", Duration.ofMillis(1)));
    }

    private String onlyLine() {
        List<String> lines = appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(
                ch.qos.logback.classic.Level.INFO)).map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }
}
