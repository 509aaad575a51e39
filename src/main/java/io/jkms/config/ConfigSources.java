package io.jkms.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.jkms.registry.Credentials;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the two sources below the flags: the TOML file and the {@code JKMS_*} environment. Keys are the options'
 * names (dashes or underscores in the file); a setting with several values is one comma-separated text, as
 * picocli splits it for the option.
 */
public final class ConfigSources {
    private static final TomlMapper TOML = new TomlMapper();

    private ConfigSources() {
    }

    /** The environment variable of an option, e.g. {@code JKMS_RENEWAL_INTERVAL} for {@code renewal-interval}. */
    public static String environmentVariable(String key) {
        return "JKMS_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** An option's value from the environment; a list's blank items are dropped (trailing commas). */
    static Optional<ConfigValue> fromEnvironment(String key, boolean list, Map<String, String> environment) {
        String variable = environmentVariable(key);
        String raw = environment.get(variable);
        if (raw == null) {
            return Optional.empty();
        }
        if (!list) {
            return Optional.of(new ConfigValue(key, raw, variable));
        }
        List<String> items = new ArrayList<>();
        for (String item : raw.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(new ConfigValue(key, String.join(",", items), variable));
    }

    /** Reads a TOML file of the options of {@code jkms serve}. */
    public static Map<String, ConfigValue> fromToml(Path file) {
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

    /**
     * Parses TOML text; {@code source} names it in error messages. Settings with several values take arrays;
     * ePIDs may also be a table {@code [epid]} of {@code CSVLK = "EPID[/HWID]"}. Unknown keys are errors. Only
     * {@link ConfigException} escapes.
     */
    public static Map<String, ConfigValue> fromToml(String text, String source) {
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
        Map<String, Boolean> keys = ServeOptions.fileKeys();
        Map<String, ConfigValue> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey().replace('_', '-').toLowerCase(Locale.ROOT);
            if (!keys.containsKey(key)) {
                throw new ConfigException("unknown key '" + field.getKey() + "' in " + source + ": allowed "
                        + List.copyOf(keys.keySet()));
            }
            values.put(key, new ConfigValue(key, tomlValue(key, keys.get(key), field.getValue(), source), source));
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

    private static String tomlValue(String key, boolean list, JsonNode node, String source) {
        List<String> items = new ArrayList<>();
        if (key.equals("epid") && node.isObject()) {
            node.fields().forEachRemaining(e -> items.add(e.getKey() + "=" + e.getValue().asText()));
        } else if (node.isArray()) {
            if (!list) {
                throw new ConfigException("key '" + key + "' in " + source + " takes one value, not a list");
            }
            node.forEach(item -> items.add(scalar(key, item, source)));
        } else {
            items.add(scalar(key, node, source));
        }
        return String.join(",", items);
    }

    private static String scalar(String key, JsonNode node, String source) {
        if (node.isContainerNode()) {
            throw new ConfigException("key '" + key + "' in " + source + " takes a plain value, not a table");
        }
        return node.asText();
    }
}
