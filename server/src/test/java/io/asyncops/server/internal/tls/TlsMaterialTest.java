package io.asyncops.server.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

    @Test
    void selfSignedCertificateIsMadeOnceForLoopbackNames(@TempDir Path data) throws Exception {
        SSLContext first = TlsMaterial.selfSigned(data);
        assertThat(first.getProtocol()).isEqualTo("TLS");
        Path cert = TlsMaterial.selfSignedCertificate(data);
        Path key = cert.resolveSibling("key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        X509Certificate x509 = Pem.readCertificates(cert).get(0);
        List<String> names = x509.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString())
                .collect(Collectors.toList());
        assertThat(names).contains("localhost", "127.0.0.1");
        assertThat(names).anyMatch(n -> n.equals("0:0:0:0:0:0:0:1") || n.equals("::1"));
        x509.checkValidity();

        String before = Files.readString(cert);
        TlsMaterial.selfSigned(data);
        assertThat(Files.readString(cert)).as("reused on the next start").isEqualTo(before);
    }

    @Test
    void configuredPemAndPkcs12AreServed(@TempDir Path dir) throws Exception {
        TlsMaterial.selfSigned(dir);
        Path cert = TlsMaterial.selfSignedCertificate(dir);
        Path key = cert.resolveSibling("key.pem");
        assertThat(TlsMaterial.pem(cert, key)).isNotNull();

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("k", Pem.readPrivateKey(key), "pw".toCharArray(),
                Pem.readCertificates(cert).toArray(Certificate[]::new));
        Path p12 = dir.resolve("server.p12");
        try (var out = Files.newOutputStream(p12)) {
            store.store(out, "pw".toCharArray());
        }
        assertThat(TlsMaterial.pkcs12(p12, "pw".toCharArray())).isNotNull();
        assertThatThrownBy(() -> TlsMaterial.pkcs12(p12, "wrong".toCharArray())).hasMessageContaining("keystore");
        assertThatThrownBy(() -> TlsMaterial.pem(key, key)).hasMessageContaining("certificate");
    }
}
