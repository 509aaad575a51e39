package io.jkms.registry;

/** The few places where SQLite and PostgreSQL spell SQL differently. */
enum Dialect {
    SQLITE("sqlite", "max", "min"),
    POSTGRESQL("postgresql", "GREATEST", "LEAST");

    private final String migrations;
    private final String greatest;
    private final String least;

    Dialect(String migrations, String greatest, String least) {
        this.migrations = migrations;
        this.greatest = greatest;
        this.least = least;
    }

    static Dialect of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }

    /** Flyway location of this database's migrations. */
    String migrationLocation() {
        return "classpath:db/migration/" + migrations;
    }

    /** The larger of two values: {@code max(a, b)} in SQLite, {@code GREATEST(a, b)} in PostgreSQL. */
    String greatest(String a, String b) {
        return greatest + "(" + a + ", " + b + ")";
    }

    String least(String a, String b) {
        return least + "(" + a + ", " + b + ")";
    }
}
