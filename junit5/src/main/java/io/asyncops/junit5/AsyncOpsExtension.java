package io.asyncops.junit5;

import com.azure.core.credential.TokenCredential;
import io.asyncops.testing.AsyncOps;
import io.asyncops.testing.AsyncOpsEmulator;
import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link AsyncOpsTest}; register it through the annotation (or {@code @ExtendWith}, with the
 * annotation's defaults). Keeps each emulator in the JUnit store of the class (or method) it belongs to, so that
 * classes running in parallel never see each other's; a {@code @Nested} class uses its enclosing class's emulator.
 */
public final class AsyncOpsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AsyncOpsExtension.class);
    private static final String EMULATOR = "emulator";

    /** Made by JUnit. */
    public AsyncOpsExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!settings(context).emulatorPerMethod() && find(context).isEmpty()) {
            context.getStore(NAMESPACE).put(EMULATOR, start(settings(context)));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).emulatorPerMethod()) {
            context.getStore(NAMESPACE).put(EMULATOR, start(settings(context)));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Optional<AsyncOpsEmulator> emulator = find(context);
        if (emulator.isEmpty()) {
            return;
        }
        context.getExecutionException().ifPresent(failure -> report(context, emulator.get(), System.err));
        AsyncOpsEmulator own = context.getStore(NAMESPACE).remove(EMULATOR, AsyncOpsEmulator.class);
        if (own != null) {
            own.close();
        } else if (!keepState(context)) {
            emulator.get().reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // only the store of the context that started it holds it: a nested class leaves its enclosing one's alone
        AsyncOpsEmulator own = context.getStore(NAMESPACE).remove(EMULATOR, AsyncOpsEmulator.class);
        if (own != null) {
            own.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AsyncOpsEmulator.class || type == TokenCredential.class || type == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        AsyncOpsEmulator emulator = find(context).orElseThrow(() -> new ParameterResolutionException(
                "no asyncops emulator runs yet for " + parameter.getDeclaringExecutable() + ": with "
                        + "@AsyncOpsTest(emulatorPerMethod = true) it exists only in test methods and @BeforeEach/"
                        + "@AfterEach methods"));
        Class<?> type = parameter.getParameter().getType();
        if (type == TokenCredential.class) {
            return emulator.credential(emulator.subscriptions().toArray(String[]::new));
        }
        if (type == URI.class) {
            return emulator.baseUrl();
        }
        return emulator;
    }

    /** The emulator this context runs against: its own, or the nearest enclosing context's. */
    static Optional<AsyncOpsEmulator> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(EMULATOR, AsyncOpsEmulator.class));
    }

    private static AsyncOpsEmulator start(AsyncOpsTest settings) {
        AsyncOpsEmulator.Builder b = AsyncOps.emulator()
                .timeScale(settings.timeScale())
                .tls(settings.tls())
                .subscriptions(settings.subscriptions());
        for (String fault : settings.faults()) {
            int eq = fault.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("@AsyncOpsTest(faults) takes kind=ErrorCode, e.g. "
                        + "Microsoft.Sql/servers/write=QuotaExceeded: " + fault);
            }
            b.fault(fault.substring(0, eq).trim(), fault.substring(eq + 1).trim());
        }
        for (String spec : settings.specs()) {
            b.specs(java.nio.file.Path.of(spec));
        }
        return b.start();
    }

    /** The nearest {@link AsyncOpsTest} of the test class or an enclosing one; the defaults without any. */
    static AsyncOpsTest settings(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<AsyncOpsTest> found = c.get().getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, AsyncOpsTest.class));
            if (found.isPresent()) {
                return found.get();
            }
        }
        return Defaults.class.getAnnotation(AsyncOpsTest.class);
    }

    private static boolean keepState(ExtensionContext context) {
        if (context.getTestMethod().map(m -> m.isAnnotationPresent(KeepState.class)).orElse(false)) {
            return true;
        }
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestClass().map(type -> AnnotationSupport.isAnnotated(type, KeepState.class))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static void report(ExtensionContext context, AsyncOpsEmulator emulator, PrintStream out) {
        String text = "asyncops: " + context.getDisplayName() + " failed; what the emulator saw:\n"
                + emulator.report();
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    /** Carries the annotation's defaults, for classes registered with {@code @ExtendWith} alone. */
    @AsyncOpsTest
    private static final class Defaults {
    }
}
