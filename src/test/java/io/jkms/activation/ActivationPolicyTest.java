package io.jkms.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.catalog.Catalog;
import io.jkms.protocol.Epid;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsException;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.ProtocolVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivationPolicyTest {
    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    private static final UUID OFFICE = UUID.fromString("0ff1ce15-a989-479d-af46-f275c6370663");
    private static final UUID WIN10_PRO = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    private static final UUID WIN10_VOLUME = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
    private static final UUID WIN10_RETAIL = UUID.fromString("e1c51358-fe3e-4203-a4a2-3b6b20c9734e");
    private static final UUID OFFICE_2016 = UUID.fromString("85b5f61b-320b-4be3-814a-b76b2bfafc82");
    private static final UUID UNKNOWN = UUID.fromString("01234567-89ab-4cde-8f01-23456789abcd");

    private static ActivationPolicy policy(int whitelist, Optional<Duration> tolerance, ClientCountPolicy count) {
        HostIdentity identity = HostIdentity.create(IdentitySettings.defaults(), CATALOG, new SplittableRandom(7), CLOCK);
        return new ActivationPolicy(new PolicySettings(120, 10080, count, whitelist, tolerance), CATALOG, identity,
                CLOCK);
    }

    private static KmsRequest request(ProtocolVersion version, UUID app, UUID kmsId, long nPolicy, Instant time) {
        return new KmsRequest(version, 0, 2, 43200, app, WIN10_PRO, kmsId, UUID.randomUUID(), nPolicy,
                FileTime.fromInstant(time), new UUID(0, 0), "ws");
    }

    @Test
    void aChargedHostReportsTwiceTheNPolicyAndEchoesWhatWindowsChecks() {
        KmsRequest request = request(ProtocolVersion.V6, WINDOWS, WIN10_VOLUME, 25, NOW);
        KmsResponse response = policy(0, Optional.empty(), new ClientCountPolicy.Charged()).decide(request);
        assertThat(response.clientCount()).isEqualTo(50);
        assertThat(response.cmid()).isEqualTo(request.cmid());
        assertThat(response.clientTime()).isEqualTo(request.clientTime());
        assertThat(response.version()).isEqualTo(ProtocolVersion.V6);
        assertThat(response.hwid().length()).isEqualTo(8);
        assertThat(policy(0, Optional.empty(), new ClientCountPolicy.Charged())
                .decide(request(ProtocolVersion.V4, WINDOWS, WIN10_VOLUME, 0, NOW)).clientCount()).isEqualTo(1);
    }

    @Test
    void theEpidComesFromTheCsvlkCoveringTheKmsId() {
        ActivationPolicy policy = policy(0, Optional.empty(), new ClientCountPolicy.Charged());
        KmsResponse office = policy.decide(request(ProtocolVersion.V6, OFFICE, OFFICE_2016, 5, NOW));
        Epid epid = Epid.parse(office.epid());
        assertThat(epid.keyId()).isBetween(437_000_000L, 458_999_999L);
        assertThat(policy.identityFor(request(ProtocolVersion.V6, OFFICE, OFFICE_2016, 5, NOW)).csvlk().id())
                .isEqualTo("Office2016");
    }

    @Test
    void anAbsurdNPolicyIsInvalidData() {
        assertThatThrownBy(() -> policy(0, Optional.empty(), new ClientCountPolicy.Charged())
                .decide(request(ProtocolVersion.V6, WINDOWS, WIN10_VOLUME, 1001, NOW)))
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.hresult()).isEqualTo(Hresult.INVALID_DATA));
    }

    @Test
    void theClientTimeCheckRefusesClocksMoreThanFourHoursOff() {
        ActivationPolicy policy = policy(0, Optional.of(Duration.ofHours(4)), new ClientCountPolicy.Charged());
        assertThat(policy.decide(request(ProtocolVersion.V6, WINDOWS, WIN10_VOLUME, 25, NOW.plusSeconds(3 * 3600))))
                .isNotNull();
        for (Instant off : new Instant[] {NOW.plusSeconds(4 * 3600 + 1), NOW.minusSeconds(5 * 3600)}) {
            assertThatThrownBy(() -> policy.decide(request(ProtocolVersion.V6, WINDOWS, WIN10_VOLUME, 25, off)))
                    .isInstanceOfSatisfying(KmsException.class,
                            e -> assertThat(e.hresult()).isEqualTo(Hresult.INVALID_TIMESTAMP));
        }
    }

    @Test
    void whitelistLevelsRefuseWhatVlmcsdRefuses() {
        KmsRequest unknown = request(ProtocolVersion.V6, WINDOWS, UNKNOWN, 25, NOW);
        KmsRequest retail = request(ProtocolVersion.V6, WINDOWS, WIN10_RETAIL, 25, NOW);
        KmsRequest wrongApp = request(ProtocolVersion.V6, OFFICE, WIN10_VOLUME, 25, NOW);
        KmsRequest volume = request(ProtocolVersion.V6, WINDOWS, WIN10_VOLUME, 25, NOW);
        assertRefused(1, unknown, wrongApp);
        assertAccepted(1, retail, volume);
        assertRefused(2, retail);
        assertAccepted(2, unknown, wrongApp, volume);
        assertRefused(3, unknown, wrongApp, retail);
        assertAccepted(3, volume);
        assertAccepted(0, unknown, wrongApp, retail, volume);
    }

    private static void assertRefused(int level, KmsRequest... requests) {
        ActivationPolicy policy = policy(level, Optional.empty(), new ClientCountPolicy.Charged());
        for (KmsRequest request : requests) {
            assertThatThrownBy(() -> policy.decide(request)).as("level %d, KMS ID %s", level, request.kmsId())
                    .isInstanceOfSatisfying(KmsException.class,
                            e -> assertThat(e.hresult()).isEqualTo(Hresult.KMS_ID_MISMATCH));
        }
    }

    private static void assertAccepted(int level, KmsRequest... requests) {
        ActivationPolicy policy = policy(level, Optional.empty(), new ClientCountPolicy.Charged());
        for (KmsRequest request : requests) {
            assertThat(policy.decide(request).clientCount()).as("level %d, KMS ID %s", level, request.kmsId())
                    .isEqualTo(50);
        }
    }
}
