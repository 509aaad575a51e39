package io.jkms.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The readiness probe's exemption from the access policy: one connection, from the announced source, on this machine. */
class ProbeAdmissionTest {
    final ProbeAdmission admission = new ProbeAdmission();
    final InetSocketAddress listen = new InetSocketAddress("127.0.0.1", 1688);
    final InetSocketAddress probe = new InetSocketAddress("127.0.0.1", 40001);

    @Test
    void nothingIsAdmittedWithoutAnAnnouncement() {
        assertThat(admission.admits(probe, listen)).isFalse();
    }

    @Test
    void theAnnouncedSourceIsAdmittedOnceOnly() {
        admission.expect(probe);
        assertThat(admission.admits(new InetSocketAddress("127.0.0.1", 40002), listen)).as("another port").isFalse();
        assertThat(admission.admits(new InetSocketAddress("127.0.0.2", 40001), listen)).as("another address").isFalse();
        assertThat(admission.admits(probe, listen)).isTrue();
        assertThat(admission.admits(probe, listen)).as("used up").isFalse();
    }

    @Test
    void aWithdrawnAnnouncementAdmitsNothing() {
        admission.expect(probe);
        admission.withdraw(probe);
        assertThat(admission.admits(probe, listen)).isFalse();
    }

    @Test
    void aSourceOffThisMachineIsNeverAdmittedEvenIfAnnounced() {
        InetSocketAddress remote = new InetSocketAddress("192.0.2.7", 40001);
        InetSocketAddress lan = new InetSocketAddress("10.0.0.5", 1688);
        admission.expect(remote);
        assertThat(admission.admits(remote, lan)).isFalse();
        InetSocketAddress self = new InetSocketAddress("10.0.0.5", 40003);
        admission.expect(self);
        assertThat(admission.admits(self, lan)).as("the host's own address, to itself").isTrue();
    }

    @Test
    void wildcardAndPortZeroAnnouncementsAreIgnored() {
        admission.expect(new InetSocketAddress("0.0.0.0", 40001));
        admission.expect(new InetSocketAddress("127.0.0.1", 0));
        assertThat(admission.admits(new InetSocketAddress("127.0.0.1", 0), listen)).isFalse();
        assertThat(admission.admits(new InetSocketAddress("0.0.0.0", 40001), listen)).isFalse();
    }
}
