package io.asyncops.server.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
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
    void theSelfSignedCertificateIsAServerCertificateOfItsOwnKey(@TempDir Path data) throws Exception {
        TlsMaterial.selfSigned(data);
        Path cert = TlsMaterial.selfSignedCertificate(data);
        X509Certificate x509 = Pem.readCertificates(cert).get(0);
        PrivateKey key = Pem.readPrivateKey(cert.resolveSibling("key.pem"));

        x509.verify(x509.getPublicKey());
        assertThat(x509.getVersion()).isEqualTo(3);
        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=localhost,O=asyncops (self-signed)");
        assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(x509.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(x509.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(x509.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(x509.getCriticalExtensionOIDs()).containsExactlyInAnyOrder("2.5.29.19", "2.5.29.15");
        assertThat(Duration.between(x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant()).toDays())
                .isEqualTo(3651);
        // the key is the certificate's: what it signs, the certificate's public key verifies
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(x509.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).isTrue();
        // and OpenSSL, a parser that is not the JDK's, reads it the same way
        Process openssl = new ProcessBuilder("openssl", "x509", "-in", cert.toString(), "-noout", "-text")
                .redirectErrorStream(true).start();
        String text = new String(openssl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(text).isZero();
        assertThat(text).contains("Subject: O = asyncops (self-signed), CN = localhost", "DNS:localhost",
                "IP Address:127.0.0.1", "IP Address:0:0:0:0:0:0:0:1", "TLS Web Server Authentication",
                "CA:FALSE", "Digital Signature", "ecdsa-with-SHA256");
    }

    @Test
    void datesFrom2050OnAreGeneralizedTime() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Instant now = Instant.parse("2045-06-01T12:00:00Z");

        X509Certificate x509 = SelfSignedCertificate.sign(generator.generateKeyPair(), now);

        assertThat(x509.getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(x509.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(3650)));
    }

    @Test
    void traditionalPemKeysAreReadToo(@TempDir Path dir) throws Exception {
        // what OpenSSL writes: BEGIN EC PRIVATE KEY, BEGIN RSA PRIVATE KEY (BouncyCastle reads those)...
        Path ec = dir.resolve("ec.pem");
        Path rsa = dir.resolve("rsa.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", ec.toString());
        openssl("genrsa", "-traditional", "-out", rsa.toString(), "2048");
        for (Path traditional : List.of(ec, rsa)) {
            assertThat(Files.readString(traditional)).doesNotContain("BEGIN PRIVATE KEY");
            // ...and the same key as PKCS#8 (BEGIN PRIVATE KEY: the JDK reads it)
            Path pkcs8 = dir.resolve("pkcs8-" + traditional.getFileName());
            openssl("pkcs8", "-topk8", "-nocrypt", "-in", traditional.toString(), "-out", pkcs8.toString());
            assertThat(Files.readString(pkcs8)).startsWith("-----BEGIN PRIVATE KEY-----");

            PrivateKey fromTraditional = Pem.readPrivateKey(traditional);
            PrivateKey fromPkcs8 = Pem.readPrivateKey(pkcs8);

            assertThat(fromTraditional.getAlgorithm()).isIn("EC", "RSA");
            assertThat(secret(fromTraditional)).isEqualTo(secret(fromPkcs8));
            Path written = dir.resolve("written-" + traditional.getFileName());
            Pem.writePrivateKey(written, fromPkcs8);
            assertThat(secret(Pem.readPrivateKey(written))).isEqualTo(secret(fromPkcs8));
        }
    }

    /** What identifies a private key, whatever optional fields its encoding carried. */
    static java.math.BigInteger secret(PrivateKey key) {
        return key instanceof java.security.interfaces.ECPrivateKey ec ? ec.getS()
                : ((java.security.interfaces.RSAPrivateKey) key).getPrivateExponent();
    }

    static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
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
