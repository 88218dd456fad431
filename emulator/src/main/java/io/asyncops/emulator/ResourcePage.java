package io.asyncops.emulator;

import java.util.List;
import java.util.Objects;

/**
 * One page of a collection GET.
 *
 * @param items the resources, by id
 * @param next  the opaque token of the next page ({@code $skipToken}), null on the last page
 */
public record ResourcePage(List<Resource> items, String next) {
    public ResourcePage {
        items = List.copyOf(Objects.requireNonNull(items, "items == null"));
    }
}
