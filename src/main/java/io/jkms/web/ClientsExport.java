package io.jkms.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jkms.catalog.Catalog;
import io.jkms.registry.ClientQuery;
import io.jkms.registry.RegistryReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every client matching a search, as CSV (RFC 4180: CRLF, quotes doubled, fields with a comma, quote or line break
 * quoted) or as a JSON array; one row per machine and application, with the fields and names of
 * {@code /api/clients}. Rows are written as the registry yields them, never gathered.
 */
public final class ClientsExport {
    /** The CSV columns: the JSON field names of {@code /api/clients} rows. */
    public static final List<String> COLUMNS = List.of("cmid", "workstation", "product", "family", "appId", "skuId",
            "kmsId", "licenseStatus", "virtualMachine", "protocol", "address", "firstSeen", "lastSeen", "requests",
            "epid", "lastResult");

    private final RegistryReader registry;
    private final Views views;

    public ClientsExport(RegistryReader registry, Catalog catalog) {
        this.registry = registry;
        this.views = new Views(catalog);
    }

    public void csv(ClientQuery query, OutputStream target) throws IOException {
        Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        out.write(String.join(",", COLUMNS) + "\r\n");
        each(query, row -> {
            StringBuilder line = new StringBuilder(256);
            JsonNode fields = Views.JSON.valueToTree(row);
            for (int i = 0; i < COLUMNS.size(); i++) {
                JsonNode value = fields.path(COLUMNS.get(i));
                line.append(i == 0 ? "" : ",").append(field(value.isMissingNode() ? "" : value.asText()));
            }
            out.write(line.append("\r\n").toString());
        });
        out.flush();
    }

    public void json(ClientQuery query, OutputStream target) throws IOException {
        JsonGenerator g = Views.JSON.getFactory().createGenerator(target);
        g.writeStartArray();
        each(query, g::writeObject);
        g.writeEndArray();
        g.flush();
    }

    /** A row for every client; an I/O failure of the target ends the export. */
    private void each(ClientQuery query, RowWriter writer) throws IOException {
        try {
            registry.forEachClient(query, c -> {
                try {
                    writer.write(views.json(c));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(Views.ClientJson row) throws IOException;
    }

    /**
     * One CSV field. A value a spreadsheet would run as a formula (workstation names come from the network) is
     * prefixed with an apostrophe, as OWASP advises; no catalog or registry value starts so otherwise.
     */
    static String field(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
