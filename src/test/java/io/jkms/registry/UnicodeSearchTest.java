package io.jkms.registry;

import static io.jkms.registry.TestStore.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.registry.TestStore.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The clients search ignores case beyond ASCII (Ä, Ö, Σ, Я), on SQLite as on PostgreSQL. */
@Tag("database")
class UnicodeSearchTest {
    private static final Instant T0 = TestStore.NOW.minus(1, ChronoUnit.HOURS);

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void workstationNamesAreFoundWhateverTheCaseOfTheirNonAsciiLetters(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir); Registry registry = store.open()) {
            registry.writer().offer(record(UUID.randomUUID(), "ÄRZTE-PC", T0, 0));
            registry.writer().offer(record(UUID.randomUUID(), "ΣΩΚΡΆΤΗΣ-ЯНА", T0, 0));
            registry.writer().offer(record(UUID.randomUUID(), "other-pc", T0, 0));
            registry.writer().flush().get(1, TimeUnit.MINUTES);

            for (String search : new String[] {"ÄRZTE", "ärzte", "Ärzte-pc", "rzte"}) {
                assertThat(names(registry, search)).as(search).containsExactly("ÄRZTE-PC");
            }
            assertThat(names(registry, "σωκράτης-яна")).containsExactly("ΣΩΚΡΆΤΗΣ-ЯНА");
            assertThat(names(registry, "PC")).containsExactlyInAnyOrder("ÄRZTE-PC", "other-pc");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void rowsStoredBeforeTheSearchColumnExistedAreFoundAfterAnUpgrade(Backend backend) throws Exception {
        try (TestStore store = TestStore.create(backend, tempDir)) {
            try (Registry registry = store.open()) {
                registry.writer().offer(record(UUID.randomUUID(), "ÖFFENTLICH-PC", T0, 0));
                registry.writer().flush().get(1, TimeUnit.MINUTES);
            }
            try (Connection connection = store.connect();
                 PreparedStatement forget = connection.prepareStatement("UPDATE clients SET workstation_fold = NULL")) {
                forget.executeUpdate(); // as a database migrated by V4 from rows V4 could not fold itself
            }
            try (Registry registry = store.open()) {
                assertThat(names(registry, "öffentlich")).containsExactly("ÖFFENTLICH-PC");
            }
        }
    }

    private static java.util.List<String> names(Registry registry, String search) {
        return registry.reader().clients(new ClientQuery(search, "workstation", false, 0, 50)).rows().stream()
                .map(ClientSummary::workstation).toList();
    }
}
