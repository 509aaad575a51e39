package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.jkms.activation.Refusal;
import java.io.InputStream;
import java.net.Socket;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The host's own closes are logged like refusals: in plain words, at most one line per reason every 10 s. */
@Tag("network")
class ConnectionCloseLogTest {
    /** A BIND header claiming 1440 bytes, over the 1432 allowed. */
    private static final byte[] OVERSIZED = HexFormat.of().parseHex("05000b0310000000a005000002000000");

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger refusals = (Logger) LoggerFactory.getLogger("io.jkms.refusal");

    @BeforeEach
    void capture() {
        lines.start();
        refusals.addAppender(lines);
    }

    @AfterEach
    void release() {
        refusals.detachAppender(lines);
    }

    @Test
    void oversizedFramesAreLoggedOnceAndCountedEachTime() throws Exception {
        try (TestHost host = TestHost.start("max-pdu-size", "1432")) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = new Socket(host.address().getAddress(), host.address().getPort())) {
                    socket.setSoTimeout(5000);
                    socket.getOutputStream().write(OVERSIZED);
                    InputStream in = socket.getInputStream();
                    assertThat(in.read()).as("closed by the host").isNegative();
                }
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (host.host.server().counters().get(Refusal.FRAME_TOO_LARGE) < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(host.host.server().counters().get(Refusal.FRAME_TOO_LARGE)).isEqualTo(3);
            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("frame-too-large")).toList();
            assertThat(logged).singleElement().asString()
                    .matches("closed 127\\.0\\.0\\.1:\\d+: frame-too-large \\(frag_length 1440, allowed 16 to 1432\\)");
        }
    }
}
