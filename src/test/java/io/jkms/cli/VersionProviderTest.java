package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionProviderTest {
    private static Properties built(String version, String commit) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("commit", commit);
        return properties;
    }

    @Test
    void theBuiltJarNamesItsVersionAndCommit() {
        // The resource Maven filtered for this build: the pom's version, and a commit or "unknown commit".
        assertThat(new VersionProvider().getVersion())
                .singleElement().asString().matches("jkms \\d+\\.\\d+\\.\\d+ \\((commit [0-9a-f]{12}|unknown commit)\\)");
    }

    @Test
    void aBuildWithoutGitSaysUnknownCommit() {
        assertThat(VersionProvider.describe(built("0.2.0", "${git.commit.id.abbrev}"))).isEqualTo("0.2.0 (unknown commit)");
        assertThat(VersionProvider.describe(built("0.2.0", ""))).isEqualTo("0.2.0 (unknown commit)");
    }

    @Test
    void aBuildFromGitNamesTheCommit() {
        assertThat(VersionProvider.describe(built("0.2.0", "0123456789ab"))).isEqualTo("0.2.0 (commit 0123456789ab)");
    }

    @Test
    void unfilteredResourcesSayDevelopmentBuild() {
        assertThat(VersionProvider.describe(built("${project.version}", "${git.commit.id.abbrev}")))
                .isEqualTo("(development build) (unknown commit)");
    }
}
