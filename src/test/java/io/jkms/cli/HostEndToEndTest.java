package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ActivationResult;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.protocol.Epid;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.ProtocolVersion;
import io.jkms.rpc.TransferSyntax;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The host as a Windows client meets it: over loopback TCP, every protocol version, NDR32/NDR64, BTFN. */
@Tag("network")
class HostEndToEndTest {
    static final UUID WINDOWS = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    static final UUID OFFICE_2010 = UUID.fromString("59a52881-a989-479d-af46-f275c6370663");
    static final UUID OFFICE = UUID.fromString("0ff1ce15-a989-479d-af46-f275c6370663");

    /** A product as a client names it: app, SKU and KMS IDs, N policy, protocol, and the ePID group expected. */
    record Product(String name, ProtocolVersion version, UUID app, String sku, String kmsId, int nPolicy, int group) {
        KmsRequest request(String workstation) {
            return new KmsRequest(version, 0, 2, 43200, app, UUID.fromString(sku), UUID.fromString(kmsId),
                    UUID.randomUUID(), nPolicy, FileTime.fromInstant(Instant.now()), new UUID(0, 0), workstation);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("Office Professional Plus 2010", ProtocolVersion.V4, OFFICE_2010,
                    "6f327760-8c5c-417c-9b61-836a98287e0c", "e85af946-2e25-47b7-83e1-bebcebeac611", 5, 96),
            new Product("Windows 7 Enterprise", ProtocolVersion.V4, WINDOWS,
                    "ae2ee509-1b34-41c0-acb7-6d4650168915", "7fde5219-fbfa-484a-82c9-34d1ad53e856", 25, 206),
            new Product("Windows 8 Professional", ProtocolVersion.V5, WINDOWS,
                    "a98bcd6d-5343-4603-8afe-5908e4611112", "3c40b358-5948-45af-923b-53d21fcc7e79", 25, 206),
            new Product("Office Professional Plus 2013", ProtocolVersion.V5, OFFICE,
                    "b322da9c-a2e2-4058-9e4e-f59a6970bd69", "e6a6f1bf-9d40-40c3-aa9f-c77ba21578c0", 5, 206),
            new Product("Windows 10 Professional", ProtocolVersion.V6, WINDOWS,
                    "2de67392-b7a7-462a-b1ca-108dd189f588", "58e2134f-8e11-4d17-9cb2-91069c151148", 25, 206),
            new Product("Windows Server 2019 Datacenter", ProtocolVersion.V6, WINDOWS,
                    "34e1ae55-27f8-4950-8877-7a03be5fb181", "8449b1fb-f0ea-497a-99ab-66ca96e9a0f5", 5, 206),
            new Product("Office Professional Plus 2019", ProtocolVersion.V6, OFFICE,
                    "85dd8b5f-eaa4-4af3-a628-cce9e77c9a03", "617d9eb1-ef36-4f82-86e0-a65ae07b96c6", 5, 206));

    static Stream<Arguments> productsAndRpcOptions() {
        List<Arguments> cases = new ArrayList<>();
        for (Product product : PRODUCTS) {
            for (boolean ndr64 : new boolean[] {true, false}) {
                for (boolean btfn : new boolean[] {true, false}) {
                    cases.add(Arguments.of(product, ndr64, btfn));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, NDR64 {1}, BTFN {2}")
    @MethodSource("productsAndRpcOptions")
    void activatesTwiceOnOneConnectionWithVerifiedAnswers(Product product, boolean ndr64, boolean btfn) throws Exception {
        try (TestHost host = TestHost.start();
             KmsClient client = KmsClient.connect(host.address(),
                     ClientOptions.defaults().withNdr64(ndr64).withBtfn(btfn), new SecureRandom())) {
            ActivationResult first = client.activate(product.request("client01.example.test"));
            ActivationResult second = client.activate(product.request("client02.example.test"));

            assertThat(Hresult.describe(first.hresult())).isEqualTo(Hresult.describe(0));
            assertThat(Hresult.describe(second.hresult())).isEqualTo(Hresult.describe(0));
            assertThat(first.syntax()).isEqualTo(TransferSyntax.NDR32);
            assertThat(second.syntax()).isEqualTo(ndr64 ? TransferSyntax.NDR64 : TransferSyntax.NDR32);
            KmsResponse response = first.response().orElseThrow();
            assertThat(response.version()).isEqualTo(product.version());
            assertThat(response.clientCount()).isEqualTo(2L * product.nPolicy());
            assertThat(response.activationInterval()).isEqualTo(120);
            assertThat(response.renewalInterval()).isEqualTo(10080);
            Epid epid = Epid.parse(response.epid());
            assertThat(epid.groupId()).isEqualTo(product.group());
            assertThat(epid.hostBuild()).isEqualTo(26100);
            assertThat(epid.platformId()).isEqualTo(3612);
            assertThat(second.response().orElseThrow().epid()).as("ePID stable across requests")
                    .isEqualTo(response.epid());
        }
    }

    @Test
    void answersOnIpv6LoopbackToo() throws Exception {
        try (TestHost host = TestHost.start("listen", "[::1]:0", "listen", "127.0.0.1:0")) {
            assertThat(host.addresses()).hasSize(2);
            for (InetSocketAddress address : host.addresses()) {
                try (KmsClient client = KmsClient.connect(address, ClientOptions.defaults(), new SecureRandom())) {
                    assertThat(client.activate(PRODUCTS.get(4).request("v6client")).activated()).isTrue();
                }
            }
        }
    }

    @Test
    void whitelistLevelOneRefusesUnknownKmsIdsWithTheHresultWindowsKnows() throws Exception {
        Product unknown = new Product("made up", ProtocolVersion.V6, WINDOWS, "2de67392-b7a7-462a-b1ca-108dd189f588",
                "01234567-89ab-4cde-8f01-23456789abcd", 25, 206);
        try (TestHost host = TestHost.start("whitelist", "1");
             KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            ActivationResult result = client.activate(unknown.request("client"));
            assertThat(result.activated()).isFalse();
            assertThat(result.hresult()).isEqualTo(Hresult.KMS_ID_MISMATCH);
            assertThat(client.activate(PRODUCTS.get(4).request("next")).activated()).as("connection still serves")
                    .isTrue();
        }
    }

    @Test
    void aFixedCountAndIntervalsAreReported() throws Exception {
        try (TestHost host = TestHost.start("client-count", "7", "activation-interval", "3h", "renewal-interval", "2d");
             KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            KmsResponse response = client.activate(PRODUCTS.get(0).request("c")).response().orElseThrow();
            assertThat(response.clientCount()).isEqualTo(7);
            assertThat(response.activationInterval()).isEqualTo(180);
            assertThat(response.renewalInterval()).isEqualTo(2880);
        }
    }

    @Test
    void ndr64OffMeansNdr32ForEveryRequest() throws Exception {
        try (TestHost host = TestHost.start("ndr64", "false");
             KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            assertThat(client.contexts().ndr64Context()).isEmpty();
            client.activate(PRODUCTS.get(4).request("a"));
            assertThat(client.activate(PRODUCTS.get(4).request("b")).syntax()).isEqualTo(TransferSyntax.NDR32);
        }
    }

    @Test
    void withTheRegistryOffTheHostStillActivates() throws Exception {
        try (TestHost host = TestHost.start("registry", "off");
             KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            assertThat(client.activate(PRODUCTS.get(4).request("stateless")).activated()).isTrue();
            assertThat(host.host.config().registry()).isEmpty();
        }
    }
}
