package io.jkms.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jkms.wire.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The captured exchanges of {@code ../shared/vectors}, for tests. */
public final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    /** One captured PDU (or an end-of-stream event, which has no bytes). */
    public record Exchange(int conn, String direction, String pduType, Bytes bytes, boolean incomplete,
                           boolean eof, JsonNode decoded) {
        public boolean clientToServer() {
            return "c2s".equals(direction);
        }
    }

    /** One capture file. */
    public record Vector(String name, JsonNode json, List<Exchange> exchanges) {
        public String text(String field) {
            return json.path(field).asText();
        }

        public List<Exchange> ofType(String pduType) {
            return exchanges.stream().filter(e -> pduType.equals(e.pduType()) && !e.incomplete()).toList();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code ../shared} as the build passes it (system property {@code jkms.shared}), else relative. */
    public static Path sharedDir() {
        return Path.of(System.getProperty("jkms.shared", "../shared"));
    }

    public static Path vectorsDir() {
        return sharedDir().resolve("vectors");
    }

    /** Every capture file, sorted by name. Fails when the directory is absent: the tests need it. */
    public static List<Vector> all() {
        try (Stream<Path> files = Files.list(vectorsDir())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(Vectors::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + vectorsDir().toAbsolutePath(), e);
        }
    }

    public static Vector load(String name) {
        return read(vectorsDir().resolve(name.endsWith(".json") ? name : name + ".json"));
    }

    private static Vector read(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            List<Exchange> exchanges = new ArrayList<>();
            for (JsonNode e : json.path("exchanges")) {
                boolean eof = e.has("event");
                Bytes bytes = eof ? Bytes.EMPTY : Bytes.fromHex(e.path("hex").asText());
                exchanges.add(new Exchange(e.path("conn").asInt(), e.path("direction").asText(),
                        e.path("pdu_type").asText(null), bytes, e.path("incomplete").asBoolean(false), eof,
                        e.path("decoded")));
            }
            String name = file.getFileName().toString().replace(".json", "");
            return new Vector(name, json, List.copyOf(exchanges));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
