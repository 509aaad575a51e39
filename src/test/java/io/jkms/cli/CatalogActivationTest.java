package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Product;
import io.jkms.client.ActivationResult;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.protocol.Epid;
import io.jkms.protocol.FileTime;
import io.jkms.protocol.Hresult;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.KmsResponse;
import io.jkms.protocol.ProtocolVersion;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog product, activated through one in-process host the way its client would ask: its
 * application, SKU and KMS IDs, its N policy and its protocol version; the answer verifies and carries the
 * ePID of the product's CSVLK group.
 */
@Tag("network")
class CatalogActivationTest {
    private static final Catalog CATALOG = Catalog.loadDefault();
    private static TestHost host;

    @BeforeAll
    static void startHost() throws Exception {
        host = TestHost.start(CATALOG);
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    static Stream<Product> products() {
        return CATALOG.products().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void everyProductActivatesWithItsCsvlkGroupsEpid(Product product) throws Exception {
        ProtocolVersion version = ProtocolVersion.fromWire((long) product.protocolVersion() << 16);
        KmsRequest request = new KmsRequest(version, 0, 2, 43200, product.appId(),
                product.skuId().orElse(new UUID(0, 0)), product.kmsId(), UUID.randomUUID(),
                product.requiredClientCount(), FileTime.fromInstant(Instant.now()), new UUID(0, 0), "catalog-test");
        try (KmsClient client = KmsClient.connect(host.address(), ClientOptions.defaults(), new SecureRandom())) {
            ActivationResult result = client.activate(request);
            assertThat(Hresult.describe(result.hresult())).isEqualTo(Hresult.describe(0));
            KmsResponse response = result.response().orElseThrow();
            assertThat(response.version()).isEqualTo(version);
            assertThat(response.clientCount()).isGreaterThanOrEqualTo(product.requiredClientCount());
            Epid epid = Epid.parse(response.epid());
            assertThat(epid.groupId()).isEqualTo(product.csvlk().groupId());
            assertThat(epid.keyId()).isBetween(product.csvlk().minKeyId(), product.csvlk().maxKeyId());
        }
    }
}
