package io.asyncops.engine;

import java.sql.Connection;

/** The single instance of {@link TransactionalWork#none()}. */
enum NoWork implements TransactionalWork {
    INSTANCE;

    @Override
    public void execute(Connection connection) {
        // nothing to do
    }
}
