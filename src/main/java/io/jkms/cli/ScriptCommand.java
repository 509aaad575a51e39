package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Product;
import io.jkms.config.ConfigException;
import io.jkms.config.ConfigValue;
import io.jkms.config.ServeConfiguration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jkms script}: prints a ready .cmd file that activates a product with slmgr / ospp.vbs. */
@Command(name = "script", mixinStandardHelpOptions = true,
        description = {"Print a Windows .cmd file that installs a product's GVLK, points it at a KMS host and "
                + "activates it (slmgr.vbs for Windows, ospp.vbs for Office)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:script printed", "2:bad host or port", ProductChoice.EXIT_NO_MATCH,
            ProductChoice.EXIT_AMBIGUOUS, ProductChoice.EXIT_NOT_ACTIVATABLE + ", or the catalog says so)"})
public final class ScriptCommand implements Callable<Integer> {
    static final int BAD_TARGET = 2;

    private final Supplier<Catalog> catalog;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST[:PORT]", description = "KMS host (port 1688 unless given; IPv6 as "
            + "fd00::5 or [fd00::5]:1688). Default: the host's public-name, from --config FILE (or JKMS_CONFIG), "
            + "else JKMS_PUBLIC_NAME")
    private String host;

    @Option(names = "--config", paramLabel = "FILE", description = "the host's TOML file, for its public-name")
    private Path config;

    @Option(names = "--product", required = true, paramLabel = "X",
            description = "product name, EditionID, GVLK or SKU ID")
    private String product;

    @Option(names = "--renewal", description = "also install a weekly task that re-points and re-activates; one "
            + "task and script per product group (Windows, each Office version), e.g. jkms-kms-renewal-office2024")
    private boolean renewal;

    @Option(names = "--uninstall", description = "print the commands that undo it (clear the host, remove the task)")
    private boolean uninstall;

    private final Map<String, String> environment;

    public ScriptCommand() {
        this(Catalog::loadDefault, System.getenv());
    }

    ScriptCommand(Supplier<Catalog> catalog, Map<String, String> environment) {
        this.catalog = catalog;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Product p;
        try {
            p = ProductChoice.choose(catalog.get(), product);
        } catch (ActivateCommand.UsageException e) {
            err.println(e.getMessage());
            return e.exitCode();
        }
        if (uninstall) {
            out.print(ActivationScript.uninstall(p));
            out.flush();
            return 0;
        }
        if (!p.kmsActivatable()) {
            err.println(p.name() + ": KMS cannot activate it: " + p.notActivatableReason().orElse(""));
            return ProductChoice.NOT_ACTIVATABLE;
        }
        ActivationScript.Target target;
        try {
            target = target();
        } catch (IllegalArgumentException | ConfigException e) {
            err.println(e.getMessage());
            return BAD_TARGET;
        }
        out.print(ActivationScript.activate(p, target, renewal));
        out.flush();
        return 0;
    }

    /** --host, else the public-name of the config file, else of the environment (the host's own precedence). */
    private ActivationScript.Target target() {
        if (host != null) {
            return ActivationScript.Target.parse(host);
        }
        ConfigValue name = ServeConfiguration.fileOrEnvironment("public-name", java.util.Optional.ofNullable(config),
                environment).orElseThrow(() -> new IllegalArgumentException("--host is required (except with "
                        + "--uninstall) unless the host's public-name is set: in the file of --config or JKMS_CONFIG, "
                        + "or in JKMS_PUBLIC_NAME"));
        try {
            return ActivationScript.Target.parse(name.value());
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(name, "HOST[:PORT], a host name or IP address");
        }
    }
}
