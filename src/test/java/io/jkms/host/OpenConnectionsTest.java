package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which connection makes room at capacity, and that its slots are given back exactly once. */
class OpenConnectionsTest {
    private final AtomicInteger released = new AtomicInteger();
    private final OpenConnections table = new OpenConnections();

    private OpenConnection admit() {
        OpenConnection connection = new OpenConnection(new EmbeddedChannel(), released::incrementAndGet);
        table.add(connection);
        return connection;
    }

    @Test
    void theOldestIdleConnectionIsTakenAndBusyOnesAreLeft() {
        OpenConnection midPdu = admit();
        midPdu.midPdu(true);
        OpenConnection unread = admit();
        unread.channel().write(Unpooled.wrappedBuffer(new byte[10])); // an answer the peer has not taken
        OpenConnection idle = admit();
        OpenConnection newer = admit();
        assertThat(table.idle()).isEqualTo(2);
        assertThat(table.takeOldestIdle()).containsSame(idle);
        assertThat(table.takeOldestIdle()).containsSame(newer);
        assertThat(table.takeOldestIdle()).isEmpty();
        assertThat(table.size()).isEqualTo(2);
        midPdu.midPdu(false);
        assertThat(table.takeOldestIdle()).containsSame(midPdu);
    }

    @Test
    void anEvictionLooksAtABoundedNumberOfBusyConnections() {
        List<OpenConnection> busy = new ArrayList<>();
        for (int i = 0; i < OpenConnections.SCAN_LIMIT; i++) {
            OpenConnection connection = admit();
            connection.midPdu(true);
            busy.add(connection);
        }
        OpenConnection idle = admit();
        assertThat(table.takeOldestIdle()).as("beyond the scan").isEmpty();
        assertThat(table.takeOldestIdle()).as("the busy ones went to the back").containsSame(idle);
        assertThat(table.size()).isEqualTo(busy.size());
    }

    @Test
    void anEvictedConnectionIsClosedAndReleasedOnceEvenWhenItsCloseReleasesAgain() {
        OpenConnection connection = admit();
        connection.evict();
        connection.release();
        assertThat(connection.channel().isOpen()).isFalse();
        assertThat(released.get()).isEqualTo(1);
    }
}
