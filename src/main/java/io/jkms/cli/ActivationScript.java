package io.jkms.cli;

import io.jkms.catalog.Family;
import io.jkms.catalog.Product;
import io.jkms.client.HostAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Windows {@code .cmd} text that activates a product against a KMS host with Microsoft's own tools
 * ({@code slmgr.vbs} for Windows, {@code ospp.vbs} for Office), optionally with a weekly renewal task, or that undoes
 * it. Every step is checked: the script stops at the first that fails, saying which. Pure: text in, text out.
 */
final class ActivationScript {
    /** The task of scripts before renewal tasks were per product group; uninstalling removes it too. */
    static final String LEGACY_TASK = "jkms-kms-renewal";
    private static final String LEGACY_FILE = "%ProgramData%\\jkms\\kms-renewal.cmd";
    private static final String SLMGR = "cscript //nologo \"%SystemRoot%\\System32\\slmgr.vbs\"";
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");

    /** A KMS host and port, validated so that nothing but a host name or address reaches the script. */
    record Target(String host, int port) {
        /** {@code HOST[:PORT]}: a DNS name, IPv4, {@code [IPv6]:PORT} or a bare IPv6 literal. */
        static Target parse(String text) {
            HostAddress a = HostAddress.parseName(text);
            return new Target(a.host(), a.port());
        }

        /** {@code host:port}, an IPv6 literal in brackets (what {@code slmgr /skms} takes). */
        String hostPort() {
            return new HostAddress(host, port).toString();
        }
    }

    private ActivationScript() {
    }

    /**
     * The product group a renewal task belongs to: {@code windows}, or {@code office2016} etc. per Office version,
     * so that the renewal of one group never replaces another's.
     */
    static String group(Product p) {
        if (p.family() != Family.OFFICE) {
            return "windows";
        }
        Matcher m = YEAR.matcher(p.release());
        return "office" + (m.find() ? m.group(1) : "");
    }

    static String task(Product p) {
        return "jkms-kms-renewal-" + group(p);
    }

    static String renewalFile(Product p) {
        return "%ProgramData%\\jkms\\kms-renewal-" + group(p) + ".cmd";
    }

    static String activate(Product p, Target t, boolean renewal) {
        List<String> l = header(p, "Activates " + p.name() + " against the KMS host " + t.hostPort() + ".");
        Steps s = new Steps(l);
        if (p.family() == Family.OFFICE) {
            findOspp(l, p);
            s.step("Install the product's GVLK (Microsoft's public KMS client setup key)", "installing the GVLK",
                    ospp("/inpkey:" + p.gvlk()));
            s.step("Point Office at the KMS host and port", "pointing Office at the KMS host",
                    ospp("/sethst:" + t.host()), ospp("/setprt:" + t.port()));
            s.step("Activate now", "activating", ospp("/act"));
            s.step("Show the licence state and the remaining grace period", "showing the licence state",
                    ospp("/dstatus"));
        } else {
            s.step("Install the product's GVLK (Microsoft's public KMS client setup key)", "installing the GVLK",
                    SLMGR + " /ipk " + p.gvlk());
            s.step("Point Windows at the KMS host and port", "pointing Windows at the KMS host",
                    SLMGR + " /skms " + t.hostPort());
            s.step("Activate now", "activating", SLMGR + " /ato");
            s.step("Show when the activation expires", "showing the expiry", SLMGR + " /xpr");
        }
        if (renewal) {
            renewal(s, p, t);
        }
        l.add("endlocal");
        return String.join("\r\n", l) + "\r\n";
    }

    static String uninstall(Product p) {
        List<String> l = header(p, "Undoes the jkms KMS set-up of " + p.name() + ".");
        Steps s = new Steps(l);
        if (p.family() == Family.OFFICE) {
            findOspp(l, p);
            s.step("Clear the KMS host name Office was pointed at", "clearing the KMS host", ospp("/remhst"));
        } else {
            s.step("Clear the KMS host name and port Windows was pointed at", "clearing the KMS host",
                    SLMGR + " /ckms");
        }
        l.add("rem Remove the weekly renewal task of this product group and its script, if they were installed");
        l.add("schtasks /delete /tn \"" + task(p) + "\" /f 2>nul");
        l.add("if exist \"" + renewalFile(p) + "\" del /f /q \"" + renewalFile(p) + "\"");
        if (p.family() != Family.OFFICE) {
            l.add("rem ... and the single task older jkms scripts installed");
            l.add("schtasks /delete /tn \"" + LEGACY_TASK + "\" /f 2>nul");
            l.add("if exist \"" + LEGACY_FILE + "\" del /f /q \"" + LEGACY_FILE + "\"");
        }
        l.add("endlocal");
        return String.join("\r\n", l) + "\r\n";
    }

    /** Numbered steps, each command followed by a check that stops the script with the step's name. */
    private static final class Steps {
        private final List<String> lines;
        private int number;

        Steps(List<String> lines) {
            this.lines = lines;
        }

        void begin(String comment) {
            number++;
            lines.add("rem " + number + ". " + comment);
        }

        void step(String comment, String what, String... commands) {
            begin(comment);
            for (String c : commands) {
                lines.add(c);
                check(what);
            }
        }

        /** {@code what} must hold no cmd metacharacter: it is echoed inside a parenthesised block. */
        void check(String what) {
            lines.add("if errorlevel 1 (echo jkms: step " + number + " failed: " + what + " & exit /b 1)");
        }
    }

    private static List<String> header(Product p, String what) {
        List<String> l = new ArrayList<>();
        l.add("@echo off");
        l.add("rem " + what);
        l.add("rem Generated by jkms. Run it from an elevated command prompt (Run as administrator).");
        l.add("rem Product: " + p.name() + " (" + p.release() + "), KMS activation lasts up to "
                + p.maxActivationDays() + " days and renews every 7 days while the host is reachable.");
        l.add("setlocal");
        return l;
    }

    private static String officeDir(Product p) {
        return p.release().contains("2010") ? "Office14" : p.release().contains("2013") ? "Office15" : "Office16";
    }

    private static void findOspp(List<String> l, Product p) {
        String dir = officeDir(p);
        l.add("rem Find ospp.vbs in the usual install paths (64-bit and 32-bit Office)");
        l.add("set \"OSPP=\"");
        l.add("if exist \"%ProgramFiles%\\Microsoft Office\\" + dir + "\\ospp.vbs\" set \"OSPP=%ProgramFiles%\\Microsoft Office\\"
                + dir + "\\ospp.vbs\"");
        l.add("if not defined OSPP if exist \"%ProgramFiles(x86)%\\Microsoft Office\\" + dir
                + "\\ospp.vbs\" set \"OSPP=%ProgramFiles(x86)%\\Microsoft Office\\" + dir + "\\ospp.vbs\"");
        l.add("if not defined OSPP (echo ospp.vbs not found under Microsoft Office\\" + dir + " & exit /b 1)");
    }

    private static String ospp(String arg) {
        return "cscript //nologo \"%OSPP%\" " + arg;
    }

    /**
     * Writes a small renewal script for the product's group and schedules it weekly as SYSTEM (seed 004's renewal
     * task); the renewal script stops at its first failing command too, so the task reports the failure.
     */
    private static void renewal(Steps s, Product p, Target t) {
        String file = renewalFile(p);
        List<String> body = new ArrayList<>();
        body.add("@echo off");
        body.add("rem jkms weekly KMS renewal for " + p.name() + " (group " + group(p) + ")");
        List<String> commands = new ArrayList<>();
        if (p.family() == Family.OFFICE) {
            String dir = officeDir(p);
            body.add("set \"OSPP=%ProgramFiles%\\Microsoft Office\\" + dir + "\\ospp.vbs\"");
            body.add("if not exist \"%OSPP%\" set \"OSPP=%ProgramFiles(x86)%\\Microsoft Office\\" + dir + "\\ospp.vbs\"");
            commands.addAll(List.of(ospp("/sethst:" + t.host()), ospp("/setprt:" + t.port()), ospp("/act")));
        } else {
            commands.addAll(List.of(SLMGR + " /skms " + t.hostPort(), SLMGR + " /ato"));
        }
        for (String c : commands) {
            body.add(c);
            body.add("if errorlevel 1 exit /b 1");
        }
        s.begin("Weekly renewal: write " + file + " and schedule it as the task " + task(p));
        s.lines.add("if not exist \"%ProgramData%\\jkms\" mkdir \"%ProgramData%\\jkms\"");
        s.lines.add("echo " + escape(body.get(0)) + " > \"" + file + "\"");
        s.check("writing " + file); // a write that fails fails here, at the file's creation
        for (String line : body.subList(1, body.size())) {
            s.lines.add("echo " + escape(line) + " >> \"" + file + "\"");
        }
        s.check("writing " + file);
        s.lines.add("schtasks /create /tn \"" + task(p) + "\" /sc weekly /ru SYSTEM /rl HIGHEST /f /tr \"cmd.exe /c \\\""
                + file + "\\\"\"");
        s.check("scheduling the task " + task(p));
    }

    /**
     * Escapes a line for {@code echo} in a .cmd file (outside any parenthesised block): percent signs are doubled
     * everywhere; {@code ^ & | < >} are caret-escaped only outside double quotes, where cmd reads carets literally.
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '%') {
                b.append('%');
            } else if (!quoted && "^&|<>".indexOf(c) >= 0) {
                b.append('^');
            }
            b.append(c);
        }
        return b.toString();
    }
}
