package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.client.ClientException;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * {@code /readyz} probes the host through its own KMS port. Under every --allow/--deny/--private-only combination,
 * including SECURITY.md's recommended one that leaves loopback out, the probe gets through, and the policy still
 * holds for every other connection from the same machine.
 */
@Tag("network")
class ReadinessAccessPolicyTest {
    final DashboardClients clients = DashboardClients.create();

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of("127.0.0.1", List.of(), true),
                Arguments.of("127.0.0.1", List.of("allow", "10.0.0.0/8"), false),
                Arguments.of("127.0.0.1", List.of("allow", "10.0.0.0/8", "allow", "fd00::/8"), false),
                Arguments.of("127.0.0.1", List.of("allow", "127.0.0.0/8"), true),
                Arguments.of("127.0.0.1", List.of("deny", "127.0.0.0/8"), false),
                Arguments.of("127.0.0.1", List.of("deny", "0.0.0.0/0"), false),
                Arguments.of("127.0.0.1", List.of("private-only", "true"), true),
                Arguments.of("127.0.0.1", List.of("private-only", "true", "deny", "127.0.0.1/32"), false),
                Arguments.of("127.0.0.1", List.of("allow", "127.0.0.0/8", "deny", "127.0.0.1/32"), false),
                Arguments.of("127.0.0.1", List.of("allow", "10.0.0.0/8", "deny", "10.1.0.0/16", "private-only",
                        "true"), false),
                Arguments.of("127.0.0.2", List.of("allow", "192.168.0.0/16"), false),
                Arguments.of("127.0.0.2", List.of("private-only", "true", "deny", "127.0.0.0/8"), false));
    }

    @ParameterizedTest(name = "listen {0}, {1}: other loopback clients admitted: {2}")
    @MethodSource("policies")
    void readyzIsRightAndThePolicyStillHoldsForOthers(String listen, List<String> policy, boolean othersAdmitted)
            throws Exception {
        List<String> settings = new ArrayList<>(List.of("listen", listen + ":0", "web", "127.0.0.1:0"));
        settings.addAll(policy);
        try (TestHost host = TestHost.start(settings.toArray(String[]::new))) {
            InetSocketAddress web = host.host.web().orElseThrow().address();
            HttpResponse<String> ready = clients.get(web, "/readyz");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).startsWith("ready");

            assertThat(activates(host.address())).as("a client on the host's machine").isEqualTo(othersAdmitted);
            assertThat(clients.get(web, "/readyz").statusCode()).as("still ready").isEqualTo(200);
        }
    }

    private static boolean activates(InetSocketAddress kms) {
        ClientOptions options = ClientOptions.defaults().withTimeout(Duration.ofSeconds(10));
        try (KmsClient client = KmsClient.connect(kms, options, new SecureRandom())) {
            return client.activate(HostEndToEndTest.PRODUCTS.get(4).request("neighbour")).activated();
        } catch (ClientException e) {
            return false;
        }
    }
}
