package io.asyncops.engine;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done in the engine's own transaction, so that a resource's state and an operation's state commit
 * together or not at all: at submit (e.g. a resource becomes {@code Creating}) and at the end of an operation
 * (e.g. it becomes {@code Succeeded}). Must not commit, roll back or close the connection.
 */
@FunctionalInterface
public interface TransactionalWork {
    /** Does the work on {@code connection}; an exception rolls the whole transaction back and propagates. */
    void execute(Connection connection) throws SQLException;

    /** Work that does nothing; always the same instance, so the engine can batch such completions. */
    static TransactionalWork none() {
        return NoWork.INSTANCE;
    }
}
