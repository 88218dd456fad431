package io.asyncops.server;

import io.asyncops.server.arm.ArmPlane;
import io.asyncops.server.classic.ClassicPlane;
import io.asyncops.server.spi.Plane;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The planes a full asyncops server runs ({@code asyncops serve}, {@code demo}, the in-process test emulator): the
 * one place where the build's planes are listed. Each plane helper adds its plane here (the ARM plane, the classic
 * plane). Planes found on the class path through {@link ServiceLoader}
 * ({@code META-INF/services/io.asyncops.server.spi.Plane}) follow, e.g. the server's test plane when it runs with a
 * test class path.
 */
public final class Planes {
    private Planes() {
    }

    /** New instances of every plane of this build, in routing order. */
    public static List<Plane> all() {
        List<Plane> planes = new ArrayList<>();
        planes.add(new ArmPlane());
        planes.add(new ClassicPlane());
        ServiceLoader.load(Plane.class).forEach(planes::add);
        return planes;
    }
}
