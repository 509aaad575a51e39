package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void theUrlDecidesTheDialect() {
        assertThat(Dialect.of("jdbc:postgresql://127.0.0.1:5432/kms")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.of("jdbc:sqlite:/var/lib/jkms/registry.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.of("jdbc:sqlite::memory:")).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void eachSpellsGreatestLeastAndItsMigrations() {
        assertThat(Dialect.SQLITE.greatest("a", "b")).isEqualTo("max(a, b)");
        assertThat(Dialect.SQLITE.least("a", "?")).isEqualTo("min(a, ?)");
        assertThat(Dialect.POSTGRESQL.greatest("last_seen", "?")).isEqualTo("GREATEST(last_seen, ?)");
        assertThat(Dialect.POSTGRESQL.least("a", "b")).isEqualTo("LEAST(a, b)");
        assertThat(Dialect.SQLITE.migrationLocation()).isEqualTo("classpath:db/migration/sqlite");
        assertThat(Dialect.POSTGRESQL.migrationLocation()).isEqualTo("classpath:db/migration/postgresql");
    }
}
