package io.jkms.web;

import static io.jkms.web.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Product;
import io.jkms.registry.ClientQuery;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bounded in-memory registry a host without a database shows. */
class MemoryRegistryTest {
    final Product win11 = Fixtures.product("Windows 11 Pro");

    @Test
    void keepsTheNewestRecordsAndClientsWithinItsBounds() {
        MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG, 5, 3, 100);
        for (int i = 0; i < 10; i++) {
            registry.onActivation(Fixtures.activated(win11, new UUID(1, i), "PC-" + i, NOW.plusSeconds(i)));
        }
        assertThat(registry.activations(NOW, NOW.plusSeconds(60), 100)).hasSize(5)
                .first().satisfies(r -> assertThat(r.workstation()).isEqualTo("PC-9"));
        var page = registry.clients(new ClientQuery("", "lastSeen", true, 0, 10));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.rows()).extracting(c -> c.workstation()).containsExactly("PC-9", "PC-8", "PC-7");
        assertThat(registry.flushes()).isPositive();
    }

    @Test
    void aMachineSeenAgainIsOneClientWithItsRequestsCountedAndDistinctPerKmsId() {
        MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG);
        UUID cmid = UUID.randomUUID();
        registry.onActivation(Fixtures.activated(win11, cmid, "OLD-NAME", NOW.minusSeconds(100)));
        registry.onActivation(Fixtures.refused(win11, cmid, "NEW-NAME", NOW));
        var row = registry.clients(new ClientQuery("new", "lastSeen", true, 0, 10)).rows().get(0);
        assertThat(row.requests()).isEqualTo(2);
        assertThat(row.firstSeen()).isEqualTo(NOW.minusSeconds(100));
        assertThat(row.epid()).isPresent();
        assertThat(row.lastHresult()).isNotZero();
        assertThat(registry.distinctClients(win11.kmsId(), NOW.minusSeconds(1000))).isEqualTo(1);
        assertThat(registry.stats(NOW.minusSeconds(1000)).byHresult()).hasSize(1);
        assertThat(registry.client(cmid, 1).orElseThrow().history()).hasSize(1);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() {
        MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG, 10, 10, 0);
        registry.onActivation(Fixtures.activated(win11, UUID.randomUUID(), "PC", NOW));
        assertThat(registry.dropped()).isEqualTo(1);
        assertThat(registry.queueDepth()).isZero();
    }

    @Test
    void readinessProbesAreNotRecorded() {
        MemoryRegistry registry = new MemoryRegistry(Fixtures.CATALOG);
        ReadinessProbe.skippingProbes(registry).onActivation(
                Fixtures.activated(win11, ReadinessProbe.CMID, "jkms-readyz", NOW));
        assertThat(registry.clients(new ClientQuery("", "lastSeen", true, 0, 10)).total()).isZero();
    }
}
