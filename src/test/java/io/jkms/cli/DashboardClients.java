package io.jkms.cli;

import io.jkms.client.ActivationResult;
import io.jkms.client.ClientOptions;
import io.jkms.client.KmsClient;
import io.jkms.protocol.KmsRequest;
import io.jkms.protocol.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the dashboard tests do to a host: activations as Windows clients make them, garbage, HTTP requests. */
final class DashboardClients {
    static final HostEndToEndTest.Product WIN10 = HostEndToEndTest.PRODUCTS.get(4);
    static final HostEndToEndTest.Product OFFICE_2010 = HostEndToEndTest.PRODUCTS.get(0);
    static final HostEndToEndTest.Product UNKNOWN = new HostEndToEndTest.Product("Unknown", ProtocolVersion.V6,
            HostEndToEndTest.WINDOWS, "2de67392-b7a7-462a-b1ca-108dd189f588", "01234567-89ab-4cde-8f01-23456789abcd",
            25, 206);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private DashboardClients() {
    }

    static DashboardClients create() {
        return new DashboardClients();
    }

    /** One connection per workstation, one activation each; the results in order. */
    static List<ActivationResult> activate(InetSocketAddress kms, HostEndToEndTest.Product product,
                                           String... workstations) throws Exception {
        List<ActivationResult> results = new ArrayList<>();
        for (String workstation : workstations) {
            try (KmsClient client = KmsClient.connect(kms, ClientOptions.defaults(), new SecureRandom())) {
                results.add(client.activate(product.request(workstation)));
            }
        }
        return results;
    }

    /** Activations of one machine (one CMID, as a real client keeps it), one connection each. */
    static void activateMachine(InetSocketAddress kms, HostEndToEndTest.Product product, UUID cmid,
                                String workstation, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            try (KmsClient client = KmsClient.connect(kms, ClientOptions.defaults(), new SecureRandom())) {
                KmsRequest r = product.request(workstation);
                client.activate(new KmsRequest(r.version(), r.vmInfo(), r.licenseStatus(), r.bindingExpiration(),
                        r.appId(), r.skuId(), r.kmsId(), cmid, r.requiredClientCount(), r.clientTime(),
                        r.previousCmid(), r.workstationName()));
            }
        }
    }

    /** A header whose frag_length is impossible; returns once the host has closed the connection. */
    static void sendBadFrame(InetSocketAddress kms) throws IOException {
        try (Socket socket = new Socket(kms.getAddress(), kms.getPort())) {
            byte[] header = {5, 0, 11, 3, 0x10, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0};
            socket.getOutputStream().write(header);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain until the host closes
            }
        }
    }

    HttpResponse<String> get(InetSocketAddress web, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.getPort() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
