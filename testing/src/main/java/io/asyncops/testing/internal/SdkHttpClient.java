package io.asyncops.testing.internal;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.Configuration;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The azure-core {@link HttpClient} an emulator hands out: azure-core's JDK transport, trusting the emulator's
 * certificate, never through a proxy (the emulator is on the loopback), its work on virtual threads. Unlike the one
 * azure-core builds by default, it can be closed: {@link #close()} stops the JDK client and its executor, so that a
 * closed emulator leaves no thread behind.
 */
public final class SdkHttpClient implements AutoCloseable {
    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("asyncops-sdk-http-", 0).factory());
    private final HttpClient client;
    private java.net.http.HttpClient jdkClient;

    /** A client trusting {@code ssl}'s certificates; with no TLS, {@code ssl} may be null. */
    public SdkHttpClient(SSLContext ssl) {
        // no proxy: the emulator is on the loopback
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder()
                .proxy(java.net.http.HttpClient.Builder.NO_PROXY);
        if (ssl != null) {
            jdk.sslContext(ssl);
        }
        this.client = new JdkHttpClientBuilder(new Capturing(jdk))
                .configuration(Configuration.NONE)
                .executor(executor)
                .build();
    }

    /** The azure-core client. */
    public HttpClient client() {
        return client;
    }

    @Override
    public synchronized void close() {
        if (jdkClient != null) {
            jdkClient.shutdownNow();
            try {
                jdkClient.awaitTermination(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor.shutdownNow();
    }

    private synchronized void built(java.net.http.HttpClient c) {
        this.jdkClient = c;
    }

    /** Keeps the JDK client azure-core builds, so that it can be shut down. */
    private final class Capturing implements java.net.http.HttpClient.Builder {
        private final java.net.http.HttpClient.Builder delegate;

        Capturing(java.net.http.HttpClient.Builder delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.net.http.HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder executor(Executor e) {
            delegate.executor(e);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder followRedirects(java.net.http.HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder version(java.net.http.HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public java.net.http.HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public java.net.http.HttpClient build() {
            java.net.http.HttpClient c = delegate.build();
            built(c);
            return c;
        }
    }
}
