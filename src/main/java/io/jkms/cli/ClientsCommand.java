package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.registry.ClientQuery;
import io.jkms.registry.RegistryException;
import io.jkms.registry.RegistryExport;
import io.jkms.registry.RegistrySettings;
import io.jkms.web.ClientsExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jkms clients}: every client of the registry as CSV or JSON, read from the database directly. */
@Command(name = "clients", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export the client registry (one row per machine and application, the columns of "
                + "/api/clients) as CSV (RFC 4180) or JSON, reading the SQLite file or PostgreSQL database directly; "
                + "the host may be running."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:exported", "2:invalid options", "3:the registry cannot be read (none there, unreachable)"})
public final class ClientsCommand implements Callable<Integer> {
    static final int UNREADABLE = 3;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "the host's data directory, with registry.db (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--database", paramLabel = "JDBC-URL", description = "a PostgreSQL registry instead, e.g. "
            + "jdbc:postgresql://db.example:5432/jkms")
    String database;

    @Option(names = "--database-user", paramLabel = "USER", description = "PostgreSQL user, unless the URL names one")
    String user;

    @Option(names = "--database-password", paramLabel = "PASSWORD", description = "PostgreSQL password, unless the "
            + "URL names one (default: JKMS_DATABASE_PASSWORD)")
    String password;

    @CommandLine.ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = {"-q", "--search"}, paramLabel = "TEXT", defaultValue = "",
            description = "only clients whose workstation, CMID, address or product contains it (as /clients?q=)")
    String search;

    @Option(names = "--sort", defaultValue = "lastSeen", paramLabel = "KEY",
            description = "lastSeen, firstSeen, workstation, requests, product or address (default: ${DEFAULT-VALUE})")
    String sort;

    @Option(names = "--dir", defaultValue = "desc", paramLabel = "asc|desc", description = "(default: ${DEFAULT-VALUE})")
    String dir;

    /** --csv (the default) or --json. */
    static final class Format {
        @Option(names = "--csv", description = "CSV, with a header line (the default)")
        boolean csv;

        @Option(names = "--json", description = "a JSON array of /api/clients rows")
        boolean json;
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Supplier<Catalog> catalog;
    private final Map<String, String> environment;
    private final OutputStream stdout;

    public ClientsCommand() {
        this(Catalog::loadDefault, System.getenv(), System.out);
    }

    ClientsCommand(Supplier<Catalog> catalog, Map<String, String> environment, OutputStream stdout) {
        this.catalog = catalog;
        this.environment = Map.copyOf(environment);
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        ClientQuery query;
        if (database != null && !database.startsWith("jdbc:postgresql://")) {
            return usage("--database must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:5432/DB)");
        }
        if (!dir.equals("asc") && !dir.equals("desc")) {
            return usage("--dir must be asc or desc");
        }
        try {
            query = new ClientQuery(search, sort, dir.equals("desc"), 0, 500);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        RegistrySettings settings = new RegistrySettings(dataDir, Optional.ofNullable(database),
                Optional.ofNullable(user), Optional.ofNullable(password != null ? password
                        : environment.get("JKMS_DATABASE_PASSWORD")), Duration.ofDays(90), 100, Duration.ofSeconds(1));
        Runnable restoreLogs = quietLogs();
        try (RegistryExport registry = RegistryExport.open(settings)) {
            ClientsExport export = new ClientsExport(registry.reader(), catalog.get());
            OutputStream out = new BufferedOutputStream(stdout, 64 * 1024);
            if (format.json) {
                export.json(query, out);
            } else {
                export.csv(query, out);
            }
            out.flush();
            return 0;
        } catch (RegistryException e) {
            spec.commandLine().getErr().println("jkms clients: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return UNREADABLE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("jkms clients: cannot write the export: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return UNREADABLE;
        } finally {
            restoreLogs.run();
        }
    }

    /** The log goes to stdout, where the export goes: only errors may reach it (none do when it works). */
    private static Runnable quietLogs() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            ch.qos.logback.classic.Level before = logback.getLevel();
            logback.setLevel(ch.qos.logback.classic.Level.OFF);
            return () -> logback.setLevel(before);
        }
        return () -> { };
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("jkms clients: " + message);
        spec.commandLine().getErr().flush();
        return ActivateCommand.EXIT_USAGE;
    }
}
