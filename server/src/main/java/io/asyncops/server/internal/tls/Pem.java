package io.asyncops.server.internal.tls;

import io.asyncops.server.internal.auth.InstallSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes PEM certificates and private keys. Unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}, what the
 * self-signed certificate's key is written as) is read with the JDK; the traditional RSA and EC forms go to
 * BouncyCastle ({@link TraditionalPem}), which is loaded only then.
 */
final class Pem {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final String[] KEY_ALGORITHMS = {"EC", "RSA", "Ed25519", "Ed448"};

    private Pem() {
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(file)) {
            List<X509Certificate> chain = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + file);
            }
            return chain;
        }
    }

    static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher pkcs8 = PKCS8.matcher(text);
        if (!pkcs8.find()) {
            return TraditionalPem.readPrivateKey(file);
        }
        byte[] der = Base64.getMimeDecoder().decode(pkcs8.group(1));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // the next one
            }
        }
        throw new GeneralSecurityException("the PKCS#8 key in " + file + " is none of " + String.join(", ",
                KEY_ALGORITHMS));
    }

    /** Writes {@code key} as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), the form every TLS tool reads. */
    static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        write(file, "PRIVATE KEY", key.getEncoded(), true);
    }

    static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        try {
            write(file, "CERTIFICATE", certificate.getEncoded(), false);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException("cannot encode the certificate", e);
        }
    }

    /** RFC 7468 text: the label lines around Base64 in lines of 64 characters. */
    private static void write(Path file, String label, byte[] der, boolean secret) throws IOException {
        String text = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        Path tmp = secret ? Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                InstallSecret.ownerOnlyAttributes())
                : Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
