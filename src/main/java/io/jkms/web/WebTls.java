package io.jkms.web;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLException;

/** The dashboard's TLS context from PEM files: a certificate chain and its PKCS#8 private key. */
public final class WebTls {
    private WebTls() {
    }

    /** Which file could not be used, and why. */
    public static final class WebTlsException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean certificate;

        WebTlsException(boolean certificate, String message, Throwable cause) {
            super(message, cause);
            this.certificate = certificate;
        }

        /** True when the certificate file is at fault, false when the key file is. */
        public boolean certificate() {
            return certificate;
        }
    }

    public static SslContext load(Path certificate, Path key) throws WebTlsException {
        checkCertificate(certificate);
        if (!Files.isReadable(key)) {
            throw new WebTlsException(false, "cannot read " + key, null);
        }
        try {
            return SslContextBuilder.forServer(certificate.toFile(), key.toFile()).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new WebTlsException(false, "no usable private key in " + key + " (expected an unencrypted PKCS#8 "
                    + "PEM key, -----BEGIN PRIVATE KEY-----, matching the certificate; convert with "
                    + "openssl pkcs8 -topk8 -nocrypt): " + e.getMessage(), e);
        }
    }

    private static void checkCertificate(Path certificate) throws WebTlsException {
        try (InputStream in = Files.newInputStream(certificate)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new WebTlsException(true, "no certificate in " + certificate, null);
            }
        } catch (IOException e) {
            throw new WebTlsException(true, "cannot read " + certificate + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new WebTlsException(true, "no PEM certificate in " + certificate + ": " + e.getMessage(), e);
        }
    }
}
