package io.jkms.cli;

import io.jkms.client.HostAddress;
import io.jkms.dns.DnsPublisher;
import io.jkms.dns.DnsRecordText;
import io.jkms.dns.KmsSrvRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jkms dns-record}: the SRV record that lets clients find the host, for administrators who add it by hand. */
@Command(name = "dns-record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the _vlmcs._tcp SRV record that makes Windows clients find this KMS host without "
                + "slmgr /skms: as a zone-file line, as an nsupdate script and as the PowerShell command of a "
                + "Windows DNS server. (jkms serve --dns-publish adds it by itself.)"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:printed", "2:invalid option"})
public final class DnsRecordCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ZONE", description = "the DNS zone (domain) clients search, e.g. corp.example.com")
    String zone;

    @Option(names = "--target", paramLabel = "FQDN", description = "the host's name (default: this machine's fully "
            + "qualified name; it needs an A or AAAA record)")
    String target;

    @Option(names = "--port", defaultValue = "1688", description = "the KMS port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--priority", defaultValue = "0", description = "lower is tried first (default: ${DEFAULT-VALUE})")
    int priority;

    @Option(names = "--weight", defaultValue = "0", description = "share among equal priorities (default: "
            + "${DEFAULT-VALUE})")
    int weight;

    @Option(names = "--ttl", defaultValue = "3600s", converter = io.jkms.config.DurationConverter.Seconds.class,
            description = "the record's TTL (default: ${DEFAULT-VALUE}, as Windows)")
    Duration ttl;

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", description = "the DNS server, named in the "
            + "nsupdate script and the PowerShell command (default: nsupdate finds the zone's primary)")
    String dnsServer;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KmsSrvRecord record;
        Optional<HostAddress> server;
        try {
            String host = target != null ? target : DnsPublisher.thisHostName(zone);
            record = new KmsSrvRecord(zone, priority, weight, port, host, Duration.ofSeconds(ttl.toSeconds()));
            server = Optional.ofNullable(dnsServer).map(DnsRecordCommand::server);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("jkms dns-record: " + e.getMessage());
            return ActivateCommand.EXIT_USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("; zone file (" + record.zone() + ")");
        out.println(record.zoneLine());
        out.println();
        out.println("; nsupdate -k KEYFILE   (BIND and other RFC 2136 servers; the key must be allowed to update "
                + record.owner() + ")");
        out.print(DnsRecordText.nsupdate(record, server));
        out.println();
        out.println("# PowerShell on the Windows DNS server (DnsServer module)");
        out.println(DnsRecordText.powershell(record, server.map(HostAddress::host)));
        out.flush();
        return 0;
    }

    private static HostAddress server(String text) {
        HostAddress parsed = HostAddress.parse(text);
        return text.trim().matches(".*(\\]|^[^:]*):\\d+$") ? parsed : new HostAddress(parsed.host(), 53);
    }
}
