package io.jkms.rpc;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RpcSession} asks the connection to do: send {@code replies} in order, then close if
 * {@code closeReason} is not {@link CloseReason#NONE}, for that reason.
 */
public record SessionReply(List<Pdu> replies, CloseReason closeReason) {
    static final SessionReply NOTHING = new SessionReply(List.of(), CloseReason.NONE);

    public SessionReply {
        replies = List.copyOf(replies);
        Objects.requireNonNull(closeReason, "closeReason");
    }

    static SessionReply send(Pdu pdu) {
        return new SessionReply(List.of(pdu), CloseReason.NONE);
    }

    static SessionReply closing(CloseReason reason) {
        return new SessionReply(List.of(), reason);
    }

    /** Whether the connection is to close after the replies. */
    public boolean close() {
        return closeReason != CloseReason.NONE;
    }
}
