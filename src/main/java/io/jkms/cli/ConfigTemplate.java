package io.jkms.cli;

import io.jkms.config.ServeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A TOML file with every setting of {@code jkms serve} commented out at its default, rendered from
 * the options' declarations ({@link ServeOptions}) at build time so that it cannot drift from the options.
 */
final class ConfigTemplate {
    private static final int WIDTH = 100;
    /** For settings whose default is a behaviour (the description says which), not a value. */
    static final String NOT_SET = "(not set)";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");

    private ConfigTemplate() {
    }

    /**
     * @param packaged defaults the package's service sets differently from the built-in ones (by environment, so
     *                 that this file still wins), by key; they are shown instead, with the built-in one named
     */
    static String render(String version, Map<String, String> packaged) {
        StringBuilder out = new StringBuilder();
        out.append("# jkms ").append(version).append(" configuration: every setting of `jkms serve`, commented out\n")
                .append("# at its default. Uncomment what you change. Flags win over this file, this file over\n")
                .append("# JKMS_* environment variables. `systemctl reload jkms` (SIGHUP) applies changes; listen\n")
                .append("# addresses, registry, dashboard and log settings need `systemctl restart jkms`.\n")
                .append("# Durations and sizes take suffixes (2h, 7d, 500ms, 10MB); see jkms(1).\n");
        for (OptionSpec option : ServeOptions.model().options()) {
            String key = ServeOptions.key(option);
            if (key.equals("config")) {
                continue;
            }
            out.append('\n');
            // The first paragraph says what the option does; the second names its default and variable.
            String description = option.description()[0];
            if (packaged.containsKey(key)) {
                description += " Packaged default: " + packaged.get(key) + " (built in: "
                        + (option.defaultValue() == null ? "none" : option.defaultValue()) + ").";
            }
            wrap(description).forEach(line -> out.append("# ").append(line).append('\n'));
            String value = packaged.getOrDefault(key, option.defaultValue());
            out.append("# ").append(key).append(" = ")
                    .append(value == null ? NOT_SET : toml(option.isMultiValue(), value)).append('\n');
        }
        return out.toString();
    }

    private static String toml(boolean list, String value) {
        String scalar = PLAIN_NUMBER.matcher(value).matches() || BOOLEAN.matcher(value).matches() ? value
                : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return list ? "[" + scalar + "]" : scalar;
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH - 2) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
