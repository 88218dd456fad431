package io.asyncops.engine.testing;

import io.asyncops.engine.Database;

/**
 * Where a contract test's database is: enough to open it here and to hand it to a child process.
 *
 * @param jdbcUrl  its JDBC URL
 * @param user     the user
 * @param password the password
 */
public record TestDatabase(String jdbcUrl, String user, String password) {

    public Database open() {
        return Database.open(jdbcUrl, user, password);
    }
}
