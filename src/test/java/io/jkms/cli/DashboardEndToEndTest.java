package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jkms.client.ActivationResult;
import io.jkms.host.IoTransport;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dashboard of a running host over loopback HTTP: metrics match what was done, readiness, the API, the token. */
@Tag("network")
class DashboardEndToEndTest {
    final DashboardClients clients = DashboardClients.create();

    static double metric(String scrape, String name, String labels) {
        String series = labels.isEmpty() ? name : name + "{" + labels + "}";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The dashboard runs on the host's transport: pages and readiness (an activation through the KMS port). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IoTransport.class)
    void dashboardAndReadinessWorkOnEachTransport(IoTransport transport) throws Exception {
        assumeTrue(transport.isAvailable(), () -> transport.configName() + " unavailable here: "
                + transport.unavailabilityCause().map(IoTransport::describe).orElse(""));
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "io", transport.configName(), "registry", "off")) {
            InetSocketAddress web = host.host.web().orElseThrow().address();
            assertThat(host.host.server().transport()).isEqualTo(transport);
            assertThat(clients.get(web, "/readyz").statusCode()).isEqualTo(200);
            HttpResponse<String> health = clients.get(web, "/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\"");
        }
    }

    @Test
    void metricsCountTheActivationsTheTestMadeAndNothingElse() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "whitelist", "1")) {
            InetSocketAddress kms = host.address();
            InetSocketAddress web = host.host.web().orElseThrow().address();
            DashboardClients.activate(kms, DashboardClients.WIN10, "metrics-a", "metrics-b", "metrics-c");
            DashboardClients.activate(kms, DashboardClients.OFFICE_2010, "metrics-office");
            ActivationResult refused = DashboardClients.activate(kms, DashboardClients.UNKNOWN, "metrics-x").get(0);
            assertThat(refused.activated()).isFalse();
            DashboardClients.sendBadFrame(kms);
            assertThat(clients.get(web, "/readyz").statusCode()).isEqualTo(200);

            HttpResponse<String> scrape = clients.get(web, "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            String text = scrape.body();
            assertThat(metric(text, "jkms_activations_total",
                    "family=\"windows-client\",protocol=\"6\",result=\"activated\"")).isEqualTo(3.0);
            assertThat(metric(text, "jkms_activations_total", "family=\"office\",protocol=\"4\",result=\"activated\""))
                    .isEqualTo(1.0);
            assertThat(metric(text, "jkms_activations_total",
                    "family=\"unknown\",protocol=\"6\",result=\"sl_e_vl_key_management_service_id_mismatch\""))
                    .isEqualTo(1.0);
            assertThat(metric(text, "jkms_activation_duration_seconds_count", "")).isEqualTo(5.0);
            assertThat(metric(text, "jkms_rpc_malformed_total", "detail=\"too_short\",kind=\"frame_length\""))
                    .isEqualTo(1.0);
            assertThat(text).contains("jkms_connections_open ", "jkms_registry_queue_depth ", "jvm_memory_used_bytes")
                    .doesNotContain("metrics-a", "127.0.0.1", "jkms-readyz");
        }
    }

    @Test
    void theApiListsTheNewClientsAndReadinessActivatesThroughTheKmsPort() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0")) {
            InetSocketAddress web = host.host.web().orElseThrow().address();
            DashboardClients.activate(host.address(), DashboardClients.WIN10, "api-client-1");
            host.host.registry().writer().flush().get(1, java.util.concurrent.TimeUnit.MINUTES);
            String clientsJson = clients.get(web, "/api/clients?q=api-client").body();
            assertThat(clientsJson).contains("\"total\" : 1", "api-client-1");
            assertThat(clients.get(web, "/readyz").body()).startsWith("ready: activation through 127.0.0.1:");
            assertThat(clients.get(web, "/api/clients?q=jkms-readyz").body()).contains("\"total\" : 0");
            assertThat(clients.get(web, "/healthz").body()).isEqualTo("ok\n");
            assertThat(clients.get(web, "/clients").body()).as("the footer shows what jkms --version prints")
                    .contains("<span class=\"muted\" id=\"version\">" + new VersionProvider().getVersion()[0] + "</span>");
        }
    }

    @Test
    void withTheTokenRequiredOnlyHealthzAndReadyzAnswerWithoutIt() throws Exception {
        String token = "e2e-token-0123456789abcdef";
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "web-require-token", "true", "web-token", token)) {
            InetSocketAddress web = host.host.web().orElseThrow().address();
            assertThat(clients.get(web, "/metrics").statusCode()).isEqualTo(401);
            assertThat(clients.get(web, "/api/overview").statusCode()).isEqualTo(401);
            assertThat(clients.get(web, "/clients").statusCode()).isEqualTo(303);
            assertThat(clients.get(web, "/healthz").statusCode()).isEqualTo(200);
            assertThat(clients.get(web, "/readyz").statusCode()).isEqualTo(200);
            assertThat(clients.get(web, "/api/overview", "Authorization", "Bearer " + token).statusCode())
                    .isEqualTo(200);
        }
    }
}
