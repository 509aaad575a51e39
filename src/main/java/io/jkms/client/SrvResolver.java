package io.jkms.client;

import java.util.List;

/** Looks up the SRV records of a name. */
@FunctionalInterface
public interface SrvResolver {
    /**
     * @return the records, possibly none
     * @throws ClientException {@link ClientException.Kind#UNREACHABLE} when the lookup itself fails
     */
    List<SrvRecord> lookup(String name) throws ClientException;
}
