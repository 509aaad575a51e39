package io.jkms.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The soak tests' memory bound is stated for the launchers' JVM settings: they must be the same. */
class LauncherFlagsTest {
    @Test
    void theSoakHostRunsWithTheFlagsAndEnvironmentOfEveryLauncher() throws Exception {
        for (Path launcher : new Path[] {Path.of("jkms"), Path.of("packaging", "bin", "jkms")}) {
            String script = Files.readString(launcher);
            assertThat(script).as("%s", launcher).contains(HostProcess.LAUNCHER_JVM_FLAGS);
            HostProcess.LAUNCHER_ENVIRONMENT.forEach((name, value) -> assertThat(script).as("%s", launcher)
                    .contains("export " + name + "=${" + name + ":-" + value + "}"));
        }
    }
}
