package io.jkms.activation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Catalog;
import io.jkms.protocol.EncodedRequest;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsRequestCodec;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.KmsResponseCodec;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.rpc.OperationReply;
import io.jkms.wire.Bytes;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure activation path without a socket: decode, decide, encode, and one event per request to every listener. */
class ActivationHandlerTest {
    private static final Catalog CATALOG = Catalog.loadDefault();
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    private static final UUID WIN10_PRO = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    private static final UUID WIN10_VOLUME = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
    private static final UUID UNKNOWN = UUID.fromString("01234567-89ab-4cde-8f01-23456789abcd");
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 50000);

    private final List<ActivationEvent> first = new ArrayList<>();
    private final List<ActivationEvent> second = new ArrayList<>();

    private ActivationHandler handler(int whitelistLevel) {
        HostIdentity identity = HostIdentity.create(IdentitySettings.defaults(), CATALOG, new SplittableRandom(7), CLOCK);
        ActivationPolicy policy = new ActivationPolicy(new PolicySettings(120, 10080, new ClientCountPolicy.Charged(),
                whitelistLevel, Optional.empty()), CATALOG, identity, CLOCK);
        return new ActivationHandler(policy, new SplittableRandom(11), CLOCK, List.of(first::add, second::add));
    }

    private static EncodedRequest request(ProtocolVersion version, UUID kmsId) {
        KmsRequest request = new KmsRequest(version, 0, 2, 43200, WINDOWS, WIN10_PRO, kmsId,
                UUID.fromString("11111111-2222-4333-8444-555555555555"), 25, FileTime.fromInstant(NOW),
                new UUID(0, 0), "ws");
        return KmsRequestCodec.encode(request, new SplittableRandom(3));
    }

    @Test
    void anActivatedRequestIsAnsweredWithAResponseTheClientVerifiesAndEveryListenerHearsOfIt() {
        for (ProtocolVersion version : ProtocolVersion.values()) {
            first.clear();
            second.clear();
            EncodedRequest sent = request(version, WIN10_VOLUME);
            OperationReply reply = handler(0).activate(sent.message(), PEER);
            assertThat(reply.returnValue()).as("%s", version).isZero();
            KmsResponse response = KmsResponseCodec.decodeAndVerify(reply.message().orElseThrow(), sent);
            assertThat(response.clientCount()).isEqualTo(50);
            assertThat(first).hasSize(1).isEqualTo(second);
            ActivationEvent event = first.get(0);
            assertThat(event.activated()).isTrue();
            assertThat(event.at()).isEqualTo(NOW);
            assertThat(event.peer()).isEqualTo(PEER);
            assertThat(event.request()).hasValue(sent.request());
            assertThat(event.response()).hasValue(response);
        }
    }

    @Test
    void aRefusalIsAnsweredWithItsHresultAndNoMessage() {
        OperationReply reply = handler(1).activate(request(ProtocolVersion.V6, UNKNOWN).message(), PEER);
        assertThat(reply).isEqualTo(OperationReply.error(Hresult.KMS_ID_MISMATCH));
        assertThat(first).singleElement().satisfies(event -> {
            assertThat(event.activated()).isFalse();
            assertThat(event.hresult()).isEqualTo(Hresult.KMS_ID_MISMATCH);
            assertThat(event.request()).map(KmsRequest::kmsId).hasValue(UNKNOWN);
            assertThat(event.response()).isEmpty();
        });
    }

    @Test
    void anUndecodableMessageIsInvalidDataAndItsEventHasNoRequest() {
        OperationReply reply = handler(0).activate(Bytes.fromHex("00000600"), PEER);
        assertThat(reply).isEqualTo(OperationReply.error(Hresult.INVALID_DATA));
        assertThat(first).singleElement().satisfies(event -> {
            assertThat(event.hresult()).isEqualTo(Hresult.INVALID_DATA);
            assertThat(event.request()).isEmpty();
            assertThat(event.response()).isEmpty();
            assertThat(event.reason()).isNotBlank();
        });
    }

    @Test
    void aNewPolicyAnswersFromTheNextRequestOn() {
        ActivationHandler handler = handler(0);
        Bytes unknown = request(ProtocolVersion.V6, UNKNOWN).message();
        assertThat(handler.activate(unknown, PEER).returnValue()).as("level 0 activates unknown KMS IDs").isZero();
        HostIdentity identity = HostIdentity.create(IdentitySettings.defaults(), CATALOG, new SplittableRandom(7), CLOCK);
        handler.update(new ActivationPolicy(new PolicySettings(120, 10080, new ClientCountPolicy.Charged(), 1,
                Optional.empty()), CATALOG, identity, CLOCK));
        assertThat(handler.activate(unknown, PEER).returnValue()).isEqualTo(Hresult.KMS_ID_MISMATCH);
    }
}
