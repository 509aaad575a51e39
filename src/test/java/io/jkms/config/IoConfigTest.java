package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.host.IoTransport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code --io}: which network transport, and a clear refusal of one that cannot run here. */
class IoConfigTest {
    private static final Function<IoTransport, Optional<Throwable>> ALL_RUN = t -> Optional.empty();
    private static final Function<IoTransport, Optional<Throwable>> NO_EPOLL = t -> t == IoTransport.EPOLL
            ? Optional.of(new UnsupportedOperationException("no epoll here")) : Optional.empty();
    private static final Function<IoTransport, Optional<Throwable>> NO_IO_URING = t -> t == IoTransport.IO_URING
            ? Optional.of(new UnsupportedOperationException("io_uring_setup: Operation not permitted"))
            : Optional.empty();
    private static final Function<IoTransport, Optional<Throwable>> NIO_ONLY = t -> t == IoTransport.NIO
            ? Optional.empty() : Optional.of(new UnsatisfiedLinkError("no native library for " + t.configName()));

    private static HostConfig parse(List<String> flags, Map<String, String> env,
                                    Function<IoTransport, Optional<Throwable>> unavailable) {
        return ServeConfiguration.read(flags, env, unavailable);
    }

    private static List<String> io(String value) {
        return List.of("--io", value);
    }

    @Test
    void autoPrefersEpollThenIoUringThenNio() {
        assertThat(parse(List.of(), Map.of(), ALL_RUN).io()).isEqualTo(IoTransport.EPOLL);
        assertThat(parse(io("auto"), Map.of(), NO_IO_URING).io()).isEqualTo(IoTransport.EPOLL);
        assertThat(parse(io("auto"), Map.of(), NO_EPOLL).io()).isEqualTo(IoTransport.IO_URING);
        assertThat(parse(io("AUTO"), Map.of(), NIO_ONLY).io()).isEqualTo(IoTransport.NIO);
    }

    @Test
    void aNamedTransportIsTakenAsAsked() {
        assertThat(parse(io("nio"), Map.of(), ALL_RUN).io()).isEqualTo(IoTransport.NIO);
        assertThat(parse(io(" Epoll "), Map.of(), ALL_RUN).io()).isEqualTo(IoTransport.EPOLL);
        assertThat(parse(List.of(), Map.of("JKMS_IO", "io_uring"), ALL_RUN).io()).isEqualTo(IoTransport.IO_URING);
    }

    @Test
    void anUnavailableTransportStopsStartUpSayingWhy() {
        assertThatThrownBy(() -> parse(io("io_uring"), Map.of(), NO_IO_URING))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'io_uring'").hasMessageContaining("for io (from --io)")
                .hasMessageContaining("io_uring is unavailable: io_uring_setup: Operation not permitted");
        assertThatThrownBy(() -> parse(List.of(), Map.of("JKMS_IO", "epoll"), NIO_ONLY))
                .isInstanceOf(ConfigException.class).hasMessageContaining("JKMS_IO")
                .hasMessageContaining("epoll is unavailable: no native library for epoll");
    }

    @Test
    void anUnknownTransportNamesWhatIsAllowed() {
        assertThatThrownBy(() -> parse(io("kqueue"), Map.of(), ALL_RUN))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'kqueue'")
                .hasMessageContaining("auto, io_uring, epoll or nio");
    }

    @Test
    void thisMachinesOwnAnswerMatchesWhatEachTransportSays() {
        for (IoTransport transport : IoTransport.values()) {
            if (transport.isAvailable()) {
                assertThat(parse(io(transport.configName()), Map.of(), IoTransport::unavailabilityCause).io())
                        .isEqualTo(transport);
            } else {
                assertThatThrownBy(() -> parse(io(transport.configName()), Map.of(), IoTransport::unavailabilityCause))
                        .hasMessageContaining(transport.configName() + " is unavailable");
            }
        }
        assertThat(IoTransport.available()).contains(IoTransport.NIO).first()
                .isEqualTo(parse(List.of(), Map.of(), IoTransport::unavailabilityCause).io());
    }
}
