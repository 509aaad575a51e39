package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.testing.Vectors;
import io.jkms.wire.Bytes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every capture of {@code ../shared/vectors}, checked against what its client printed. */
class CapturedVectorsTest {
    private static final DateTimeFormatter VLMCS_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    static Stream<Vectors.Vector> wellFormed() {
        return Vectors.all().stream().filter(v -> !deliberatelyBad(v));
    }

    static Stream<Vectors.Vector> deliberatelyBadVersionOrLength() {
        return Vectors.all().stream().filter(CapturedVectorsTest::deliberatelyBad);
    }

    private static boolean deliberatelyBad(Vectors.Vector v) {
        return v.name().startsWith("bad-unsupported-version-") || v.name().startsWith("bad-truncated-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void capturedRequestsDecodeToWhatTheClientPrinted(Vectors.Vector vector) {
        List<CapturedStubs.Exchange> exchanges = CapturedStubs.exchanges(vector);
        List<Map<String, String>> printed = new ClientOutput(vector.text("client_output")).requests;
        assertThat(exchanges).isNotEmpty();
        if (!printed.isEmpty()) {
            assertThat(printed).hasSameSizeAs(exchanges);
        }
        for (int i = 0; i < exchanges.size(); i++) {
            KmsRequest request = KmsRequestCodec.decode(exchanges.get(i).request()).request();
            assertThat(request.version().toString()).isEqualTo(vector.text("protocol"));
            if (i < printed.size()) {
                assertMatches(request, printed.get(i));
            }
        }
    }

    private static void assertMatches(KmsRequest request, Map<String, String> printed) {
        assertThat(request.version().toString()).isEqualTo(printed.get("Protocol version"));
        assertThat(request.vmInfo()).isEqualTo("Yes".equals(printed.get("Client is a virtual machine")) ? 1 : 0);
        assertThat(request.licenseStatus()).hasToString(ClientOutput.head(printed.get("Licensing status")));
        assertThat(request.bindingExpiration())
                .hasToString(ClientOutput.head(printed.get("Remaining time (0 = forever)")));
        assertThat(request.appId()).isEqualTo(uuid(printed.get("Application ID")));
        assertThat(request.skuId()).isEqualTo(uuid(printed.get("SKU ID (aka Activation ID)")));
        assertThat(request.kmsId()).isEqualTo(uuid(printed.get("KMS ID (aka KMS counted ID)")));
        assertThat(request.cmid()).isEqualTo(uuid(printed.get("Client machine ID")));
        assertThat(request.previousCmid()).isEqualTo(uuid(printed.get("Previous client machine ID")));
        assertThat(VLMCS_TIME.format(FileTime.toInstant(request.clientTime()).truncatedTo(ChronoUnit.SECONDS)))
                .isEqualTo(printed.get("Client request timestamp (UTC)"));
        assertThat(request.workstationName()).isEqualTo(printed.get("Workstation name"));
        assertThat(request.requiredClientCount())
                .hasToString(printed.get("N count policy (minimum clients)"));
    }

    private static UUID uuid(String printed) {
        return UUID.fromString(ClientOutput.head(printed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliberatelyBadVersionOrLength")
    void deliberatelyBadRequestsAreRefusedAsInvalidData(Vectors.Vector vector) {
        List<CapturedStubs.Exchange> exchanges = CapturedStubs.exchanges(vector);
        assertThat(exchanges).isNotEmpty();
        for (CapturedStubs.Exchange e : exchanges) {
            assertThatThrownBy(() -> KmsRequestCodec.decode(e.request()))
                    .isInstanceOfSatisfying(KmsException.class,
                            k -> assertThat(k.hresult()).isEqualTo(Hresult.INVALID_DATA));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void capturedResponsesVerifyAgainstTheirRequests(Vectors.Vector vector) {
        List<Map<String, String>> printed = new ClientOutput(vector.text("client_output")).responses;
        List<CapturedStubs.Exchange> answered =
                CapturedStubs.exchanges(vector).stream().filter(e -> e.response() != null).toList();
        if (!printed.isEmpty()) {
            assertThat(printed).hasSameSizeAs(answered);
        }
        for (int i = 0; i < answered.size(); i++) {
            CapturedStubs.Exchange e = answered.get(i);
            EncodedRequest sent = EncodedRequest.of(e.request(), KmsRequestCodec.decode(e.request()));
            KmsResponse response = KmsResponseCodec.decodeAndVerify(e.response(), sent);
            assertThat(response.version()).isEqualTo(sent.request().version());
            if (i < printed.size()) {
                assertMatches(response, e.response(), printed.get(i));
            }
        }
    }

    private static void assertMatches(KmsResponse response, Bytes message, Map<String, String> printed) {
        assertThat(response.epid()).isEqualTo(printed.get("KMS host extended PID"));
        assertThat(response.clientCount()).hasToString(printed.get("KMS host current active clients"));
        assertThat(response.activationInterval()).hasToString(printed.get("Activation interval policy"));
        assertThat(response.renewalInterval()).hasToString(printed.get("Renewal interval policy"));
        String hwid = printed.get("KMS host Hardware ID");
        assertThat(response.hwid().hex()).isEqualToIgnoringCase(hwid == null ? "" : hwid);
        String size = printed.get("Size of KMS Response");
        if (size != null) {
            assertThat(message.length()).hasToString(ClientOutput.head(size));
        }
        if (printed.containsKey("Client machine ID")) {
            assertThat(response.cmid()).isEqualTo(uuid(printed.get("Client machine ID")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void ourHostAnswersEveryCapturedRequestVerifiably(Vectors.Vector vector) {
        SplittableRandom random = new SplittableRandom(vector.name().hashCode());
        for (CapturedStubs.Exchange e : CapturedStubs.exchanges(vector)) {
            DecodedRequest decoded = KmsRequestCodec.decode(e.request());
            KmsRequest q = decoded.request();
            KmsResponse answer = new KmsResponse(q.version(), "06401-00206-471-111111-03-1033-17763.0000-2822018",
                    q.cmid(), q.clientTime(), 2 * q.requiredClientCount(), 120, 10080,
                    q.version() == ProtocolVersion.V6 ? Bytes.fromHex("0102030405060708") : Bytes.EMPTY);
            Bytes message = KmsResponseCodec.encode(answer, decoded, random);
            EncodedRequest sent = EncodedRequest.of(e.request(), decoded);
            assertThat(KmsResponseCodec.decodeAndVerify(message, sent)).isEqualTo(answer);
        }
    }
}
