package io.asyncops.server.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * The HTTPS certificate of an install that configured none: self-signed, EC P-256, valid ten years, for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}. Made once into {@code <data-dir>/tls/} as PEM (clients trust it
 * with e.g. {@code curl --cacert <data-dir>/tls/cert.pem}), reused on later starts. Made with the JDK alone (its DER
 * written by {@link Der}): no BouncyCastle on the default start-up path.
 */
final class SelfSignedCertificate {
    static final String CERT_FILE = "cert.pem";
    static final String KEY_FILE = "key.pem";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

    private SelfSignedCertificate() {
    }

    /** Creates the certificate and key in {@code tlsDir} unless both are there already. */
    static void ensure(Path tlsDir) throws IOException, GeneralSecurityException {
        Path cert = tlsDir.resolve(CERT_FILE);
        Path key = tlsDir.resolve(KEY_FILE);
        if (Files.exists(cert) && Files.exists(key)) {
            return;
        }
        Files.createDirectories(tlsDir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = sign(pair, Instant.now());
        // key first, certificate last: a crash between them leaves no certificate, so the next start makes both anew
        Pem.writePrivateKey(key, pair.getPrivate());
        Pem.writeCertificate(cert, certificate);
    }

    /** The certificate (RFC 5280), signed by its own key, valid from a day before {@code now} for ten years. */
    static X509Certificate sign(KeyPair pair, Instant now) throws GeneralSecurityException, IOException {
        // most significant first: O, then CN (RFC 4514 prints it back as "CN=localhost,O=...")
        byte[] name = Der.sequence(
                Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8("asyncops (self-signed)"))),
                Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8("localhost"))));
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] subjectAltNames = Der.sequence(
                Der.implicit(2, "localhost".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Der.implicit(7, InetAddress.getByName("127.0.0.1").getAddress()),
                Der.implicit(7, InetAddress.getByName("::1").getAddress()));
        byte[] extensions = Der.sequence(
                extension("2.5.29.17", false, subjectAltNames),
                extension("2.5.29.19", true, Der.sequence()),                    // basicConstraints: not a CA
                extension("2.5.29.15", true, Der.bitString(7, new byte[] {(byte) 0x80})), // keyUsage: digitalSignature
                extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1")))); // extKeyUsage: serverAuth
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),                  // v3
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                algorithm,
                name,
                Der.sequence(Der.time(now.minus(Duration.ofDays(1))), Der.time(now.plus(Duration.ofDays(3650)))),
                name,
                pair.getPublic().getEncoded(),                                 // SubjectPublicKeyInfo, already DER
                Der.explicit(3, extensions));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, algorithm, Der.bitString(0, signer.sign()));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        certificate.verify(pair.getPublic());
        return certificate;
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }
}
