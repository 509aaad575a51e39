package io.jkms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionTableTest {
    final Set<String> busy = new HashSet<>();
    final ConnectionTable<String> table = new ConnectionTable<>(6, 4, busy::contains);

    static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    static Optional<String> admitted(ConnectionTable.Decision<String> decision) {
        assertThat(decision).isInstanceOf(ConnectionTable.Admit.class);
        return ((ConnectionTable.Admit<String>) decision).evict();
    }

    @Test
    void anAddressAtItsLimitIsRefusedAndReleasingMakesRoom() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(admitted(table.admit(ip("192.0.2.1"), "a" + i))).isEmpty();
        }
        assertThat(table.admit(ip("192.0.2.1"), "a4")).isEqualTo(new ConnectionTable.Refuse<String>(WebClose.MAX_PER_ADDRESS));
        table.release(ip("192.0.2.1"), "a0");
        assertThat(admitted(table.admit(ip("192.0.2.1"), "a4"))).isEmpty();
        assertThat(table.open()).isEqualTo(4);
    }

    @Test
    void aFullPortMakesTheBusiestAddressGiveUpAnIdleConnectionToANewcomer() throws Exception {
        for (int i = 0; i < 4; i++) {
            admitted(table.admit(ip("192.0.2.1"), "a" + i));
        }
        admitted(table.admit(ip("192.0.2.2"), "b0"));
        admitted(table.admit(ip("192.0.2.2"), "b1"));
        busy.add("a0");
        assertThat(admitted(table.admit(ip("192.0.2.9"), "legit"))).contains("a1");
        assertThat(table.open()).isEqualTo(6);
        table.release(ip("192.0.2.1"), "a1");
        assertThat(table.open()).as("an evicted connection is not counted twice").isEqualTo(6);
        // 192.0.2.2 holds 2 and the busiest 3: taking one would only move the problem around.
        assertThat(table.admit(ip("192.0.2.2"), "b2")).isEqualTo(new ConnectionTable.Refuse<String>(WebClose.MAX_CONNECTIONS));
        busy.add("a2");
        busy.add("a3");
        assertThat(admitted(table.admit(ip("192.0.2.10"), "legit2"))).as("all busy: the oldest").contains("a0");
    }

    @Test
    void ipv6AddressesOfOneSlash64CountAsOne() throws Exception {
        for (int i = 0; i < 4; i++) {
            admitted(table.admit(ip("2001:db8::" + (i + 1)), "v" + i));
        }
        assertThat(table.admit(ip("2001:db8::ffff:1"), "v4")).isInstanceOf(ConnectionTable.Refuse.class);
        assertThat(admitted(table.admit(ip("2001:db8:0:1::1"), "w"))).isEmpty();
    }
}
