package io.asyncops.server;

import io.asyncops.server.internal.http.SegmentMatcher;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An {@link HttpRouting.Builder} that records the routes registered through it instead of building them: the
 * method ({@code ANY} for {@code any}) and the path template of each, services' routes included. A registration
 * form it does not know fails, so a new form cannot slip past the route list.
 */
final class RouteRecorder {
    /** A registered route; {@code path} is null for a route without a path (a catch-all). */
    record Route(String method, String path) {
    }

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options",
            "trace", "any");
    private final List<Route> routes = new ArrayList<>();

    List<Route> routes() {
        return routes;
    }

    HttpRouting.Builder builder() {
        return builder("");
    }

    private HttpRouting.Builder builder(String prefix) {
        HttpRouting.Builder[] self = new HttpRouting.Builder[1];
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            Object[] a = args == null ? new Object[0] : args;
            switch (name) {
                case "toString" -> {
                    return "RouteRecorder" + routes;
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == a[0];
                }
                default -> {
                    // the rest are recorded or ignored below
                }
            }
            if (METHODS.contains(name)) {
                String path = a.length > 0 && a[0] instanceof String p ? prefix + p : null;
                routes.add(new Route(name.toUpperCase(Locale.ROOT), path));
            } else if (name.equals("route") && a.length == 3 && a[0] instanceof Method m && a[1] instanceof String p) {
                routes.add(new Route(m.text(), prefix + p));
            } else if (name.equals("route") && a.length == 3 && a[1] instanceof PathMatcher matcher
                    && matcher.matchingElement().isPresent()
                    && (a[0] instanceof Method || a[0] == SegmentMatcher.ANY_METHOD)) {
                routes.add(new Route(a[0] instanceof Method m ? m.text() : "ANY",
                        prefix + matcher.matchingElement().get()));
            } else if (name.equals("register")) {
                String inner = a.length > 0 && a[0] instanceof String p ? prefix + p : prefix;
                HttpRouting.Builder target = inner.equals(prefix) ? self[0] : builder(inner);
                for (Object arg : a) {
                    for (Object service : arg instanceof Object[] array ? array
                            : arg instanceof List<?> list ? list.toArray() : new Object[] {arg}) {
                        Object s = service instanceof Supplier<?> supplier ? supplier.get() : service;
                        if (s instanceof HttpService httpService) {
                            httpService.routing(target);
                        }
                    }
                }
            } else if (name.equals("route") || name.equals("build")) {
                throw new UnsupportedOperationException("RouteRecorder cannot read routes registered with "
                        + method + ": teach it this form");
            }
            return method.getReturnType().isInstance(proxy) ? proxy : null;
        };
        self[0] = (HttpRouting.Builder) Proxy.newProxyInstance(HttpRouting.Builder.class.getClassLoader(),
                new Class<?>[] {HttpRouting.Builder.class}, handler);
        return self[0];
    }
}
