package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.config.ConfigException;
import io.jkms.testing.RawHttp;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over TLS with a certificate made for the test: HTTPS works, plain HTTP gets nothing. */
@Tag("network")
class DashboardTlsTest {
    @TempDir
    static Path dir;
    static Path cert;
    static Path key;

    /** A self-signed certificate for 127.0.0.1 and localhost, from the system's openssl (PKCS#8 key). */
    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = dir.resolve("cert.pem");
        key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as("openssl: %s", output).isZero();
    }

    @Test
    void servesHttpsWithTheGivenCertificateAndSecureCookies() throws Exception {
        String token = "tls-token-0123456789abcdef";
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "web-tls-cert", cert.toString(), "web-tls-key",
                key.toString(), "web-token", token, "web-require-token", "true")) {
            InetSocketAddress web = host.host.web().orElseThrow().address();
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(cert))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            URI base = URI.create("https://127.0.0.1:" + web.getPort());
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            HttpResponse<String> login = https.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Set-Cookie").orElseThrow().toLowerCase(java.util.Locale.ROOT))
                    .contains("; secure", "httponly", "samesite=strict");
        }
    }

    @Test
    void aPlainHttpRequestToTheTlsPortGetsNoHttpAnswer() throws Exception {
        try (TestHost host = TestHost.start("web", "127.0.0.1:0", "web-tls-cert", cert.toString(), "web-tls-key",
                key.toString());
             RawHttp plain = RawHttp.connect(host.host.web().orElseThrow().address(), 1)) {
            plain.write(RawHttp.request("GET", "/healthz", "", "Host", "localhost"));
            assertThat(plain.closedByServer()).as("closed without an HTTP answer").isTrue();
        }
    }

    @Test
    void aMissingOrUnreadableCertificateStopsStartUpNamingTheOption() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> TestHost.start("web", "127.0.0.1:0", "web-tls-cert", missing.toString(),
                "web-tls-key", key.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("web-tls-cert").hasMessageContaining(missing.toString());
        Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
        assertThatThrownBy(() -> TestHost.start("web", "127.0.0.1:0", "web-tls-cert", junk.toString(),
                "web-tls-key", key.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("web-tls-cert");
        assertThatThrownBy(() -> TestHost.start("web", "127.0.0.1:0", "web-tls-cert", cert.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("web-tls-key");
    }

    static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
