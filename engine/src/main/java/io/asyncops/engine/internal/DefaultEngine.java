package io.asyncops.engine.internal;

import io.asyncops.engine.Engine;
import io.asyncops.engine.EngineConfig;

/** Placeholder until the engine implementation lands. */
public final class DefaultEngine {
    private DefaultEngine() {
    }

    public static Engine start(EngineConfig config) {
        throw new UnsupportedOperationException("engine implementation not yet written");
    }
}
