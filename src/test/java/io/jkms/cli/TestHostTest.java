package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test fixture cleans up after itself: /tmp must not fill with registry directories. */
class TestHostTest {

    @Test
    void closingTheHostDeletesTheDataDirectoryItCreated() throws Exception {
        Path dataDir;
        try (TestHost host = TestHost.start()) {
            dataDir = host.host.config().registry().orElseThrow().dataDir();
            host.host.registry(); // opened: registry.db now exists in it
            assertThat(dataDir).isDirectory();
            assertThat(Files.list(dataDir).count()).isPositive();
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aDataDirectoryGivenByTheTestIsLeftAlone(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (TestHost host = TestHost.start("data-dir", dir.toString())) {
            host.host.registry();
        }
        assertThat(dir.resolve("registry.db")).exists();
    }
}
