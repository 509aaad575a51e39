package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.protocol.FileTime;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.ProtocolVersion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {
    static final UUID APP = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    static final UUID SKU = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    static final UUID KMS = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
    static final Instant NOW = Instant.parse("2026-03-01T10:15:30.1234567Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void ofUsesWindowsDefaultsForAFreshInstall() {
        KmsRequest r = RequestTemplate.of(ProtocolVersion.V5, APP, SKU, KMS, 25).next(new SplittableRandom(1), CLOCK);

        assertThat(r.version()).isEqualTo(ProtocolVersion.V5);
        assertThat(r.appId()).isEqualTo(APP);
        assertThat(r.skuId()).isEqualTo(SKU);
        assertThat(r.kmsId()).isEqualTo(KMS);
        assertThat(r.requiredClientCount()).isEqualTo(25);
        assertThat(r.licenseStatus()).isEqualTo(2);
        assertThat(r.bindingExpiration()).isEqualTo(43_200);
        assertThat(r.vmInfo()).isZero();
        assertThat(r.previousCmid()).isEqualTo(new UUID(0, 0));
        assertThat(r.clientTime()).isEqualTo(FileTime.fromInstant(NOW));
    }

    @Test
    void fixedCmidAndWorkstationAndVirtualMachineAreSentAsGiven() {
        UUID cmid = UUID.fromString("d1f8d3b0-8a3e-4a1c-9f42-0e3b5c1d2a4f");
        UUID previous = UUID.fromString("11111111-2222-4333-8444-555555555555");
        RequestTemplate t = new RequestTemplate(ProtocolVersion.V6, APP, SKU, KMS, 5, 1, true, 0, Optional.of(cmid),
                Optional.of("LAB-PC"), previous);
        KmsRequest r = t.next(new SplittableRandom(2), CLOCK);

        assertThat(r.cmid()).isEqualTo(cmid);
        assertThat(r.workstationName()).isEqualTo("LAB-PC");
        assertThat(r.vmInfo()).isEqualTo(1);
        assertThat(r.licenseStatus()).isEqualTo(1);
        assertThat(r.bindingExpiration()).isZero();
        assertThat(r.previousCmid()).isEqualTo(previous);
    }

    @Test
    void randomCmidsAreVersion4UuidsAndDistinct() {
        SplittableRandom random = new SplittableRandom(3);
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID u = RequestTemplate.randomUuid(random);
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            seen.add(u);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void randomWorkstationsLookLikeWindowsOwn() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 200; i++) {
            assertThat(RequestTemplate.randomWorkstation(random)).matches("DESKTOP-[A-Z0-9]{7}");
        }
    }

    @Test
    void theSameSeedGivesTheSameRequest() {
        RequestTemplate t = RequestTemplate.of(ProtocolVersion.V6, APP, SKU, KMS, 25);
        assertThat(t.next(new SplittableRandom(9), CLOCK)).isEqualTo(t.next(new SplittableRandom(9), CLOCK));
        assertThat(t.next(new SplittableRandom(9), CLOCK).cmid()).isNotEqualTo(t.next(new SplittableRandom(10), CLOCK).cmid());
    }
}
