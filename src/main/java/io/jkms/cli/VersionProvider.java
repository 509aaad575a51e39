package io.jkms.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version and the commit Maven wrote into {@code version.properties} when it built the jar. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"jkms " + describe(load())};
    }

    /** {@code 0.2.0 (commit 0123abcd4567)}; a build from a checkout without .git says {@code unknown commit}. */
    static String describe(Properties built) {
        String version = known(built.getProperty("version")) ? built.getProperty("version") : "(development build)";
        String commit = built.getProperty("commit");
        if (!known(commit)) {
            return version + " (unknown commit)";
        }
        return version + " (commit " + commit + ")";
    }

    /** An unfiltered {@code ${...}} placeholder means Maven had no value for it. */
    private static boolean known(String value) {
        return value != null && !value.isBlank() && !value.startsWith("${");
    }

    static String version() {
        String version = load().getProperty("version");
        return known(version) ? version : "development build";
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
