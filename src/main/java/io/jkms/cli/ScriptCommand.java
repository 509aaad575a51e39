package io.jkms.cli;

import io.jkms.catalog.Catalog;
import io.jkms.catalog.Product;
import java.io.PrintWriter;
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

    @Option(names = "--host", paramLabel = "HOST[:PORT]", description = "KMS host (port 1688 unless given)")
    private String host;

    @Option(names = "--product", required = true, paramLabel = "X",
            description = "product name, EditionID, GVLK or SKU ID")
    private String product;

    @Option(names = "--renewal", description = "also install a weekly task that re-points and re-activates")
    private boolean renewal;

    @Option(names = "--uninstall", description = "print the commands that undo it (clear the host, remove the task)")
    private boolean uninstall;

    public ScriptCommand() {
        this(Catalog::loadDefault);
    }

    ScriptCommand(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Product p;
        try {
            p = ProductChoice.choose(catalog.get(), product);
        } catch (ProductChoice.NotChosenException e) {
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
        if (host == null) {
            err.println("--host is required (except with --uninstall)");
            return BAD_TARGET;
        }
        ActivationScript.Target target;
        try {
            target = ActivationScript.Target.parse(host);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_TARGET;
        }
        out.print(ActivationScript.activate(p, target, renewal));
        out.flush();
        return 0;
    }
}
