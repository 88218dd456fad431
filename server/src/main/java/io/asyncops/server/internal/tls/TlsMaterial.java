package io.asyncops.server.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS listener's key and certificate chain, from one of three sources: a PEM certificate and key, a PKCS#12
 * keystore, or the install's self-signed certificate (made on first start).
 */
public final class TlsMaterial {
    private static final char[] IN_MEMORY_PASSWORD = "asyncops".toCharArray();

    private TlsMaterial() {
    }

    /** The self-signed certificate's PEM file in {@code dataDir} (clients add it to their trust). */
    public static Path selfSignedCertificate(Path dataDir) {
        return dataDir.resolve("tls").resolve(SelfSignedCertificate.CERT_FILE);
    }

    /** An SSL context serving the install's self-signed certificate, created in {@code dataDir/tls} if missing. */
    public static SSLContext selfSigned(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        try {
            SelfSignedCertificate.ensure(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-signed certificate into " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
        return pem(dir.resolve(SelfSignedCertificate.CERT_FILE), dir.resolve(SelfSignedCertificate.KEY_FILE));
    }

    /** An SSL context serving the PEM certificate chain {@code cert} with the PEM private key {@code key}. */
    public static SSLContext pem(Path cert, Path key) {
        try {
            List<X509Certificate> chain = Pem.readCertificates(cert);
            PrivateKey privateKey = Pem.readPrivateKey(key);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            // the store lives in memory only and is never written: one PBE iteration, not the default 10,000 that
            // setKeyEntry would spend twice (to wrap the key here, to unwrap it in the key manager) on every start
            store.setEntry("server", new KeyStore.PrivateKeyEntry(privateKey, chain.toArray(Certificate[]::new)),
                    new KeyStore.PasswordProtection(IN_MEMORY_PASSWORD, "PBEWithHmacSHA256AndAES_256",
                            new PBEParameterSpec(new byte[16], 1)));
            return context(store, IN_MEMORY_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS certificate " + cert + " or key " + key, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad TLS certificate " + cert + " or key " + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** An SSL context serving the key entry of the PKCS#12 keystore {@code file}. */
    public static SSLContext pkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return context(store, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext context(KeyStore store, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        // no trust managers: the server asks no client for a certificate, so it need not parse the JDK's CA list
        context.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[0], null);
        return context;
    }
}
