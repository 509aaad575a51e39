package io.jkms.rpc;

import java.util.List;

/** What {@link RpcSession} asks the connection to do: send {@code replies} in order, then close if asked. */
public record SessionReply(List<Pdu> replies, boolean close) {
    static final SessionReply NOTHING = new SessionReply(List.of(), false);
    static final SessionReply CLOSE = new SessionReply(List.of(), true);

    public SessionReply {
        replies = List.copyOf(replies);
    }

    static SessionReply send(Pdu pdu) {
        return new SessionReply(List.of(pdu), false);
    }
}
