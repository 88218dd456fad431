package io.asyncops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.engine.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

    @Test
    void handsOutFreshDatabasesWhoseSessionsAreNotInUtc() throws SQLException {
        try (Database a = EmbeddedPostgres.shared().openDatabase();
             Database b = EmbeddedPostgres.shared().openDatabase()) {
            assertThat(a.isPostgres()).isTrue();
            assertThat(query(a, "show timezone")).isEqualTo(EmbeddedPostgres.SESSION_TIME_ZONE);
            assertThat(query(a, "select current_database()")).isNotEqualTo(query(b, "select current_database()"));
            assertThat(query(b, "select count(*) from information_schema.tables where table_schema = 'public'"))
                    .isEqualTo("0");
        }
    }

    private static String query(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
