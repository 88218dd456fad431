package io.asyncops.server.internal.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS certificate of an install that configured none: self-signed, EC P-256, valid ten years, for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}. Made once into {@code <data-dir>/tls/} as PEM (clients trust it
 * with e.g. {@code curl --cacert <data-dir>/tls/cert.pem}), reused on later starts.
 */
final class SelfSignedCertificate {
    static final String CERT_FILE = "cert.pem";
    static final String KEY_FILE = "key.pem";

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
        X509Certificate certificate = sign(pair);
        // key first, certificate last: a crash between them leaves no certificate, so the next start makes both anew
        Pem.writePrivateKey(key, pair.getPrivate());
        Pem.writeCertificate(cert, certificate);
    }

    private static X509Certificate sign(KeyPair pair) throws GeneralSecurityException, IOException {
        X500Name name = new X500Name("CN=localhost, O=asyncops (self-signed)");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress())}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the self-signed certificate", e);
        }
    }
}
