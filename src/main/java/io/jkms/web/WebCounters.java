package io.jkms.web;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Connections the web port refused or closed, by {@link WebClose}, and failed logins: for metrics and tests. */
public final class WebCounters {
    private final Map<WebClose, LongAdder> closed = new EnumMap<>(WebClose.class);
    private final LongAdder failedLogins = new LongAdder();
    private final LongAdder throttledLogins = new LongAdder();

    public WebCounters() {
        for (WebClose reason : WebClose.values()) {
            closed.put(reason, new LongAdder());
        }
    }

    void count(WebClose reason) {
        closed.get(reason).increment();
    }

    void failedLogin(boolean throttled) {
        (throttled ? throttledLogins : failedLogins).increment();
    }

    public long closed(WebClose reason) {
        return closed.get(reason).sum();
    }

    /** Logins refused because the token was wrong. */
    public long failedLogins() {
        return failedLogins.sum();
    }

    /** Logins refused unread because the address had failed too often. */
    public long throttledLogins() {
        return throttledLogins.sum();
    }
}
