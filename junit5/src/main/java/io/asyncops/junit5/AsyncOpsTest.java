package io.asyncops.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-process asyncops emulator: one for the class (or one per test method with
 * {@link #emulatorPerMethod()}), started before the first test and closed after the last. Test methods, lifecycle
 * methods and constructors receive it as a parameter of type {@link io.asyncops.testing.AsyncOpsEmulator}, a
 * {@code com.azure.core.credential.TokenCredential} granting {@link #subscriptions()}, or a {@code java.net.URI}
 * (its plain HTTP base URL).
 *
 * <p>After each test method, the emulator forgets what the test created (resources, operations, recent requests;
 * tokens stay valid), unless the method or class is annotated {@link KeepState}. When a test fails, the emulator's
 * recent requests and operations are printed to standard error.
 *
 * <pre>{@code
 * @AsyncOpsTest
 * class ProvisioningTest {
 *     @Test
 *     void createsADatabase(AsyncOpsEmulator emu) {
 *         SqlServerManager sql = SqlServerManager.configure().withHttpClient(emu.httpClient())
 *                 .authenticate(emu.credential(), emu.azureProfile());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Classes running in parallel each get their own emulator: ports, data and token secrets are never shared.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AsyncOpsExtension.class)
public @interface AsyncOpsTest {

    /**
     * Starts an emulator for each test method instead of one for the class (a second or so each, instead of a
     * reset of milliseconds).
     *
     * @return true for one emulator per method
     */
    boolean emulatorPerMethod() default false;

    /**
     * Multiplies every emulated duration; 0.01 (the default) makes a SQL server create about half a second, 1 is
     * Azure-like.
     *
     * @return the time scale, in (0, 1000]
     */
    double timeScale() default 0.01;

    /**
     * The subscriptions made at start; the first is the default one, and an injected {@code TokenCredential} grants
     * them all. None (the default): one random subscription.
     *
     * @return subscription ids
     */
    String[] subscriptions() default {};

    /**
     * Serves HTTPS with a self-signed certificate that the emulator's HTTP client trusts; the Azure SDK needs it.
     *
     * @return false for plain HTTP only
     */
    boolean tls() default true;

    /**
     * Faults every long-running write of an operation kind is given, as {@code "kind=ErrorCode"}, e.g.
     * {@code "Microsoft.Sql/servers/databases/write=QuotaExceeded"}: accepted, it runs half way and ends Failed with
     * that code, as if its request carried the {@code asyncops-fault} tag.
     *
     * @return faults, each {@code kind=code}
     */
    String[] faults() default {};

    /**
     * Azure OpenAPI spec files or folders (paths, relative to the working directory) whose resource providers the
     * emulator serves too, as {@code asyncops serve --spec} does.
     *
     * @return spec files or folders
     */
    String[] specs() default {};
}
