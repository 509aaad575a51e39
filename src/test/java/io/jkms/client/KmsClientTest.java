package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jkms.client.FakeKmsPeer.Behaviour;
import io.jkms.client.TamperingPeer.Answer;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.rpc.BindNakPdu;
import io.jkms.rpc.RpcFaultException;
import io.jkms.rpc.TransferSyntax;
import io.jkms.wire.Bytes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link KmsClient} against real peers on 127.0.0.1:0: a {@link FakeKmsPeer} that answers through the real session
 * and codecs, and a {@link TamperingPeer} that breaks one real answer on raw bytes. Every failure must be a typed
 * {@link ClientException} well before the guard below, never a hang, and say what happened.
 */
@Tag("network")
class KmsClientTest {
    static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    static final UUID PRO = UUID.fromString("2de67392-b7a7-462a-b1ca-108dd189f588");
    static final UUID WINDOWS_10_KMS_ID = UUID.fromString("58e2134f-8e11-4d17-9cb2-91069c151148");
    /** Long enough for a loaded machine; a wait this long means a missing answer, never a slow one. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    static final Duration STALL_TIMEOUT = Duration.ofMillis(400);
    /** The hang guard: a test that passes it hung. */
    static final Duration GUARD = Duration.ofSeconds(60);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    static KmsRequest request(ProtocolVersion version, long seed) {
        return RequestTemplate.of(version, WINDOWS, PRO, WINDOWS_10_KMS_ID, 25).next(new SplittableRandom(seed), CLOCK);
    }

    static ClientOptions options() {
        return ClientOptions.defaults().withTimeout(ANSWER_TIMEOUT);
    }

    static KmsClient connect(InetSocketAddress address, ClientOptions options) throws ClientException {
        return KmsClient.connect(address, options, new SplittableRandom(99));
    }

    static <T> T guarded(ThrowingSupplier<T> action) {
        return assertTimeoutPreemptively(GUARD, action);
    }

    static ClientException thrown(Executable action) {
        return assertThrows(ClientException.class, action);
    }

    /** The exception one activation over a fresh connection ends with. */
    static ClientException failure(InetSocketAddress address, ClientOptions options) {
        return guarded(() -> thrown(() -> {
            try (KmsClient client = connect(address, options)) {
                client.activate(request(ProtocolVersion.V6, 1));
            }
        }));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void activatesAndReturnsTheAnswerAsDecodedAndVerified(ProtocolVersion version) throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.GOOD); KmsClient client = connect(peer.address(), options())) {
            KmsRequest sent = request(version, 7);
            ActivationResult result = guarded(() -> client.activate(sent));

            assertThat(result.activated()).isTrue();
            assertThat(result.hresult()).isZero();
            assertThat(result.findings()).isEmpty();
            KmsResponse response = result.response().orElseThrow();
            assertThat(response.version()).isEqualTo(version);
            assertThat(response.cmid()).isEqualTo(sent.cmid());
            assertThat(response.clientTime()).isEqualTo(sent.clientTime());
            assertThat(response.epid()).isEqualTo(FakeKmsPeer.WINDOWS_EPID);
            assertThat(response.clientCount()).isEqualTo(2 * sent.requiredClientCount());
            assertThat(response.activationInterval()).isEqualTo(120);
            assertThat(response.renewalInterval()).isEqualTo(10080);
            assertThat(response.hwid()).isEqualTo(version == ProtocolVersion.V6 ? Bytes.fromHex("3A1C049600B60076")
                    : Bytes.EMPTY);
            assertThat(client.remoteAddress()).isEqualTo(peer.address());
        }
    }

    @Test
    void sendsTheFirstRequestOverNdr32AndLaterOnesOverNdr64AsWindowsDoes() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.GOOD); KmsClient client = connect(peer.address(), options())) {
            assertThat(client.contexts().ndr32Context()).isPresent();
            assertThat(client.contexts().ndr64Context()).isPresent();

            ActivationResult first = guarded(() -> client.activate(request(ProtocolVersion.V6, 1)));
            KmsRequest second = request(ProtocolVersion.V5, 2);
            ActivationResult later = guarded(() -> client.activate(second));

            assertThat(first.syntax()).isEqualTo(TransferSyntax.NDR32);
            assertThat(later.syntax()).isEqualTo(TransferSyntax.NDR64);
            assertThat(later.response().orElseThrow().cmid()).isEqualTo(second.cmid());
            assertThat(peer.connections()).isEqualTo(1);
        }
    }

    @Test
    void staysOnNdr32WhenNdr64IsNotOffered() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.GOOD);
             KmsClient client = connect(peer.address(), options().withNdr64(false))) {
            assertThat(client.contexts().ndr64Context()).isEmpty();
            for (int i = 0; i < 3; i++) {
                KmsRequest sent = request(ProtocolVersion.V4, i);
                ActivationResult result = guarded(() -> client.activate(sent));
                assertThat(result.syntax()).isEqualTo(TransferSyntax.NDR32);
                assertThat(result.response().orElseThrow().cmid()).isEqualTo(sent.cmid());
            }
        }
    }

    @Test
    void aRefusalIsAResultWithTheHostsHresultNotAnError() throws Exception {
        int refusal = Hresult.NOT_ENOUGH_COUNT;
        try (FakeKmsPeer peer = FakeKmsPeer.refusing(refusal); KmsClient client = connect(peer.address(), options())) {
            ActivationResult result = guarded(() -> client.activate(request(ProtocolVersion.V6, 3)));

            assertThat(result.activated()).isFalse();
            assertThat(result.hresult()).isEqualTo(refusal);
            assertThat(result.response()).isEmpty();
        }
    }

    @Test
    void aV6AnswerWithTheRequestsIvOrAZeroHwidVerifiesButIsReported() throws Exception {
        try (FakeKmsPeer iv = FakeKmsPeer.start(Behaviour.V6_REQUEST_IV);
             FakeKmsPeer hwid = FakeKmsPeer.start(Behaviour.ZERO_HWID);
             KmsClient viaIv = connect(iv.address(), options());
             KmsClient viaHwid = connect(hwid.address(), options())) {
            ActivationResult sameIv = guarded(() -> viaIv.activate(request(ProtocolVersion.V6, 4)));
            ActivationResult zeroHwid = guarded(() -> viaHwid.activate(request(ProtocolVersion.V6, 5)));

            assertThat(sameIv.activated()).isTrue();
            assertThat(sameIv.findings()).extracting(Finding::name).containsExactly("v6-iv");
            assertThat(zeroHwid.activated()).isTrue();
            assertThat(zeroHwid.response().orElseThrow().hwid()).isEqualTo(Bytes.of(new byte[8]));
            assertThat(zeroHwid.findings()).extracting(Finding::name).containsExactly("hwid");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = {"WRONG_HMAC", "WRONG_CMID"})
    void anAnswerWindowsWouldRejectIsAVerificationError(Behaviour behaviour) throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(behaviour)) {
            ClientException e = failure(peer.address(), options());

            assertThat(e.kind()).isEqualTo(ClientException.Kind.VERIFICATION);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void aBindNakIsAnRpcErrorNamingTheReason() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.BIND_NAK)) {
            ClientException e = guarded(() -> thrown(() -> connect(peer.address(), options())));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("BIND_NAK", "reason " + BindNakPdu.REASON_LOCAL_LIMIT_EXCEEDED);
        }
    }

    @Test
    void anRpcFaultIsAnRpcErrorCarryingTheFaultStatus() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.FAULT)) {
            ClientException e = failure(peer.address(), options());

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("RPC FAULT");
            assertThat(e.getCause()).isInstanceOfSatisfying(RpcFaultReceivedException.class,
                    f -> assertThat(f.status()).isEqualTo(RpcFaultException.NCA_OP_RNG_ERROR));
        }
    }

    @Test
    void aResponseForAnotherCallIsAnRpcError() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.WRONG_CALL_ID)) {
            ClientException e = failure(peer.address(), options());

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).containsIgnoringCase("call");
        }
    }

    @Test
    void aResponseWithItsStubCutShortIsATypedErrorNotAWait() throws Exception {
        for (int cut : new int[] {1, 4, 40, 100}) {
            try (TamperingPeer peer = TamperingPeer.onResponse(a -> Answer.send(
                    TamperingPeer.resized(a.bytes(), a.bytes().length - cut)))) {
                ClientException e = failure(peer.address(), options());

                assertThat(e.kind()).as("cut %d", cut).isIn(ClientException.Kind.RPC, ClientException.Kind.VERIFICATION);
                assertThat(e.getMessage()).as("cut %d", cut).doesNotContain("stalled", "closed");
            }
        }
    }

    @Test
    void aResponseOfTheLargestFragmentIsRejectedNotAccepted() throws Exception {
        try (TamperingPeer peer = TamperingPeer.onResponse(a -> Answer.send(TamperingPeer.resized(a.bytes(), 0xFFFF)))) {
            ClientException e = failure(peer.address(), options());

            assertThat(e.kind()).isIn(ClientException.Kind.RPC, ClientException.Kind.VERIFICATION);
            assertThat(e.getMessage()).doesNotContain("stalled", "closed");
        }
    }

    @Test
    void checksAboveTheProtocolAreLeftToTheCallerWithTheDecodedValues() throws Exception {
        try (FakeKmsPeer low = FakeKmsPeer.start(Behaviour.LOW_COUNT);
             FakeKmsPeer group = FakeKmsPeer.start(Behaviour.WRONG_EPID_GROUP);
             KmsClient viaLow = connect(low.address(), options());
             KmsClient viaGroup = connect(group.address(), options())) {
            KmsResponse lowCount = guarded(() -> viaLow.activate(request(ProtocolVersion.V6, 1))).response().orElseThrow();
            KmsResponse otherGroup = guarded(() -> viaGroup.activate(request(ProtocolVersion.V5, 2))).response()
                    .orElseThrow();

            // AnswerChecks and EpidCheck judge these; the client must hand them over exactly as decoded
            assertThat(lowCount.clientCount()).isEqualTo(3);
            assertThat(otherGroup.epid()).isEqualTo("03612-00096-199-000000-03-1033-17763.0000-2972018");
        }
    }

    @Test
    void aHeaderWhoseFragLengthIsShorterThanTheHeaderIsAnRpcError() throws Exception {
        try (TamperingPeer peer = TamperingPeer.start((type, fragment) -> {
            byte[] bad = fragment.clone();
            bad[8] = 10;
            bad[9] = 0;
            return Answer.send(java.util.Arrays.copyOf(bad, TamperingPeer.HEADER));
        })) {
            ClientException e = guarded(() -> thrown(() -> connect(peer.address(), options())));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("frag_length 10");
        }
    }

    @Test
    void aResponseThatIsNotAPduIsAMalformedPduError() throws Exception {
        try (TamperingPeer peer = TamperingPeer.onResponse(a -> {
            byte[] bad = a.bytes().clone();
            bad[0] = 4; // RPC version 4: connectionless, not what a TCP host speaks
            return Answer.send(bad);
        })) {
            ClientException e = failure(peer.address(), options());

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("malformed PDU from host", "response to call");
        }
    }

    @Test
    void aBindAnsweredWithAResponseIsAnRpcError() throws Exception {
        try (TamperingPeer peer = TamperingPeer.start((type, fragment) -> {
            byte[] bad = fragment.clone();
            bad[2] = TamperingPeer.TYPE_RESPONSE;
            return Answer.send(TamperingPeer.resized(bad, 24));
        })) {
            ClientException e = guarded(() -> thrown(() -> connect(peer.address(), options())));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("expected an answer to BIND");
        }
    }

    @Test
    void aPeerThatNeverAnswersTheBindTimesOut() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.STALL)) {
            ClientException e = guarded(() -> thrown(
                    () -> connect(peer.address(), options().withTimeout(STALL_TIMEOUT))));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("host stalled", "BIND", "(0 bytes received)");
        }
    }

    @Test
    void aPeerThatNeverAnswersTheRequestTimesOutAfterTheSetTimeout() throws Exception {
        try (TamperingPeer peer = TamperingPeer.onResponse(a -> Answer.silence());
             KmsClient client = connect(peer.address(), options())) {
            client.setTimeout(STALL_TIMEOUT);
            ClientException e = guarded(() -> thrown(
                    () -> client.activate(request(ProtocolVersion.V6, 1))));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("host stalled", "response to call 2");
            assertThat(client.closedByHost()).isFalse();
        }
    }

    @Test
    void aPeerThatStopsHalfWayThroughAPduTimesOutSayingHowMuchCame() throws Exception {
        try (TamperingPeer peer = TamperingPeer.onResponse(a -> Answer.send(
                java.util.Arrays.copyOf(a.bytes(), 30)))) {
            ClientException e = failure(peer.address(), options().withTimeout(STALL_TIMEOUT));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("host stalled", "(30 bytes received)");
        }
    }

    @Test
    void aPeerThatClosesMidPduIsAnRpcErrorThatIsNotACleanClose() throws Exception {
        try (TamperingPeer peer = TamperingPeer.onResponse(a -> Answer.send(
                java.util.Arrays.copyOf(a.bytes(), 50)).thenClose());
             KmsClient client = connect(peer.address(), options())) {
            ClientException e = guarded(() -> thrown(
                    () -> client.activate(request(ProtocolVersion.V6, 1))));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).contains("host closed the connection", "after 50 bytes of a PDU");
            assertThat(client.closedByHost()).isFalse();
        }
    }

    @Test
    void aPeerThatClosesBetweenPdusIsACleanCloseTheCallerMayRetry() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.CLOSE_AFTER_RESPONSE);
             KmsClient client = connect(peer.address(), options())) {
            assertThat(guarded(() -> client.activate(request(ProtocolVersion.V6, 1))).activated()).isTrue();
            ClientException e = guarded(() -> thrown(
                    () -> client.activate(request(ProtocolVersion.V6, 2))));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(client.closedByHost()).isTrue();
        }
    }

    @Test
    void aPeerThatClosesAtOnceFailsTheBind() throws Exception {
        try (FakeKmsPeer peer = FakeKmsPeer.start(Behaviour.CLOSE_AT_ONCE)) {
            ClientException e = guarded(() -> thrown(() -> connect(peer.address(), options())));

            assertThat(e.kind()).isEqualTo(ClientException.Kind.RPC);
            assertThat(e.getMessage()).containsAnyOf("host closed the connection", "failed");
        }
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = (InetSocketAddress) s.getLocalSocketAddress();
        }
        InetSocketAddress target = closed;
        ClientException e = guarded(() -> thrown(() -> connect(target, options())));

        assertThat(e.kind()).isEqualTo(ClientException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("cannot connect to", String.valueOf(target.getPort()), "refused");
    }
}
