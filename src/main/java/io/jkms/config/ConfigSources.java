package io.jkms.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.jkms.registry.Credentials;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers raw setting values from the three sources and merges them by precedence: command-line flags,
 * then the TOML file, then {@code JKMS_*} environment variables, then the built-in defaults. A source that
 * names a setting replaces (not extends) what lower sources said about it.
 */
public final class ConfigSources {
    private static final TomlMapper TOML = new TomlMapper();

    private ConfigSources() {
    }

    /** Merges the layers, highest precedence first. */
    public static Map<ConfigKey, List<ConfigValue>> merge(List<Map<ConfigKey, List<ConfigValue>>> layers) {
        Map<ConfigKey, List<ConfigValue>> merged = new EnumMap<>(ConfigKey.class);
        for (Map<ConfigKey, List<ConfigValue>> layer : layers) {
            layer.forEach((key, values) -> merged.putIfAbsent(key, List.copyOf(values)));
        }
        for (ConfigKey key : ConfigKey.values()) {
            key.defaultValue().ifPresent(value ->
                    merged.putIfAbsent(key, List.of(new ConfigValue(key, value, "default"))));
        }
        return merged;
    }

    /** {@code JKMS_*} variables; repeatable settings take comma-separated lists. Unknown names are ignored. */
    public static Map<ConfigKey, List<ConfigValue>> fromEnvironment(Map<String, String> environment) {
        Map<ConfigKey, List<ConfigValue>> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            String raw = environment.get(key.environmentVariable());
            if (raw == null) {
                continue;
            }
            List<ConfigValue> list = new ArrayList<>();
            for (String part : key.repeatable() ? raw.split(",") : new String[] {raw}) {
                if (!part.isBlank()) {
                    list.add(new ConfigValue(key, part.trim(), key.environmentVariable()));
                }
            }
            values.put(key, list);
        }
        return values;
    }

    /** The path of the TOML file, if a flag or the environment names one. */
    public static Optional<Path> configFile(Map<ConfigKey, List<ConfigValue>> flags, Map<String, String> environment) {
        List<ConfigValue> flag = flags.get(ConfigKey.CONFIG);
        if (flag != null && !flag.isEmpty()) {
            return Optional.of(Path.of(flag.get(0).value()));
        }
        return Optional.ofNullable(environment.get(ConfigKey.CONFIG.environmentVariable())).map(Path::of);
    }

    /**
     * Reads a TOML file. Keys are the flag names (dashes or underscores); repeatable settings take arrays;
     * ePIDs may also be a table {@code [epid]} of {@code CSVLK = "EPID[/HWID]"}. Unknown keys are errors.
     */
    public static Map<ConfigKey, List<ConfigValue>> fromToml(Path file) {
        String text;
        String source = "config file " + file;
        if (Files.isDirectory(file)) {
            throw new ConfigException(source + " is not a file");
        }
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + " not found");
        } catch (AccessDeniedException e) {
            throw new ConfigException(source + " cannot be read: permission denied");
        } catch (IOException e) {
            // The exception's message is often just the path again: say what kind of failure it was.
            throw new ConfigException(source + " cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : " " + e.getMessage()));
        }
        return fromToml(text, source);
    }

    /** Parses TOML text; {@code source} names it in error messages. Only {@link ConfigException} escapes. */
    public static Map<ConfigKey, List<ConfigValue>> fromToml(String text, String source) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(Credentials.redact(syntaxError(source, e)));
        } catch (RuntimeException e) {
            throw new ConfigException(source + " cannot be parsed: " + Credentials.redact(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + " is not a TOML table");
        }
        Map<ConfigKey, List<ConfigValue>> values = new EnumMap<>(ConfigKey.class);
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ConfigKey key = ConfigKey.byKey(field.getKey()).filter(k -> k != ConfigKey.CONFIG)
                    .orElseThrow(() -> new ConfigException("unknown key '" + field.getKey() + "' in " + source
                            + ": allowed " + allowedKeys()));
            values.put(key, tomlValues(key, field.getValue(), source));
        }
        return values;
    }

    /** "config file X, line 2, column 7: Unknown token", without the parser's "[Source: …]" trailer. */
    private static String syntaxError(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String what = e.getOriginalMessage() == null ? "not valid TOML" : e.getOriginalMessage().strip();
        if (at == null || at.getLineNr() < 1) {
            return source + ": " + what;
        }
        return source + ", line " + at.getLineNr() + (at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "")
                + ": " + what;
    }

    private static List<ConfigValue> tomlValues(ConfigKey key, JsonNode node, String source) {
        List<ConfigValue> list = new ArrayList<>();
        if (key == ConfigKey.EPID && node.isObject()) {
            node.fields().forEachRemaining(e -> list.add(new ConfigValue(key, e.getKey() + "=" + e.getValue().asText(),
                    source)));
        } else if (node.isArray()) {
            if (!key.repeatable()) {
                throw new ConfigException("key '" + key.key() + "' in " + source + " takes one value, not a list");
            }
            node.forEach(item -> list.add(new ConfigValue(key, scalar(key, item, source), source)));
        } else {
            list.add(new ConfigValue(key, scalar(key, node, source), source));
        }
        return list;
    }

    private static String scalar(ConfigKey key, JsonNode node, String source) {
        if (node.isContainerNode()) {
            throw new ConfigException("key '" + key.key() + "' in " + source + " takes a plain value, not a table");
        }
        return node.asText();
    }

    static List<String> allowedKeys() {
        List<String> keys = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            if (key != ConfigKey.CONFIG) {
                keys.add(key.key());
            }
        }
        return keys;
    }
}
