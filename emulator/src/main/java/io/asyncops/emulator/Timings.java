package io.asyncops.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each emulated operation takes at time scale 1, chosen after what Azure takes: a logical server create
 * is the slow one (tens of seconds to minutes), a database a little less, deletes and updates less again. The
 * time scale multiplies all of them.
 *
 * @param serverCreate          creating a logical server
 * @param serverUpdate          updating one (PUT on an existing server, PATCH)
 * @param serverDelete          deleting one with everything in it
 * @param databaseCreate        creating a database
 * @param databaseUpdate        changing its sku, size or tags
 * @param databaseDelete        deleting one
 * @param databaseExport        exporting one to a bacpac
 * @param resourceGroupDelete   deleting an empty resource group
 * @param perResourceInGroup    added to a resource group delete for each server and database inside
 * @param resourceGroupDeleteMax the longest a resource group delete takes, however full
 */
public record Timings(
        Duration serverCreate,
        Duration serverUpdate,
        Duration serverDelete,
        Duration databaseCreate,
        Duration databaseUpdate,
        Duration databaseDelete,
        Duration databaseExport,
        Duration resourceGroupDelete,
        Duration perResourceInGroup,
        Duration resourceGroupDeleteMax) {

    /** The defaults: server create 45 s, update 20 s, delete 25 s; database create 40 s, update 30 s, delete 15 s,
     *  export 60 s; resource group delete 15 s + 5 s per resource inside, at most 90 s. */
    public static final Timings AZURE_LIKE = new Timings(
            Duration.ofSeconds(45), Duration.ofSeconds(20), Duration.ofSeconds(25),
            Duration.ofSeconds(40), Duration.ofSeconds(30), Duration.ofSeconds(15),
            Duration.ofSeconds(60),
            Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(90));

    public Timings {
        check("serverCreate", serverCreate);
        check("serverUpdate", serverUpdate);
        check("serverDelete", serverDelete);
        check("databaseCreate", databaseCreate);
        check("databaseUpdate", databaseUpdate);
        check("databaseDelete", databaseDelete);
        check("databaseExport", databaseExport);
        check("resourceGroupDelete", resourceGroupDelete);
        check("perResourceInGroup", perResourceInGroup);
        check("resourceGroupDeleteMax", resourceGroupDeleteMax);
    }

    private static void check(String name, Duration value) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
