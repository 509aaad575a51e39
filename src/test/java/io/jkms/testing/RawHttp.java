package io.jkms.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the test writes it: headers the JDK's client refuses to send
 * ({@code Host}), several requests in one write (pipelining), a chosen loopback source address.
 */
public final class RawHttp implements AutoCloseable {
    private boolean reset;
    private final Socket socket;
    private final InputStream in;

    /** One parsed response: status, headers (names in lower case; repeated ones joined with ", ") and body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Connects from {@code 127.0.0.last} (any loopback address works as a source on Linux). */
    public static RawHttp connect(InetSocketAddress server, int last) throws IOException {
        return connect(server, loopback(last));
    }

    /** Connects from {@code source}, a loopback address. */
    public static RawHttp connect(InetSocketAddress server, InetAddress source) throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(server, 5000);
            socket.setSoTimeout(10_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    public static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code METHOD path HTTP/1.1} with the given headers (name, value, …) and body; Content-Length is added. */
    public static String request(String method, String path, String body, String... headers) {
        StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (!body.isEmpty() || method.equals("POST")) {
            b.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        return b.append("\r\n").append(body).toString();
    }

    public void write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    public void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** The next response (its body by Content-Length), or empty when the server closed the connection first. */
    public Optional<Response> read() throws IOException {
        String head = line();
        if (head == null) {
            return Optional.empty();
        }
        String[] status = head.split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return Optional.of(new Response(Integer.parseInt(status[1]), headers,
                new String(body, StandardCharsets.UTF_8)));
    }

    /**
     * Responses until the server closes (or resets) the connection or {@code max} were read. A server that closes
     * while requests it has not read are still in its receive buffer makes the kernel send a reset, which may
     * arrive before the answers it did write are read: that ends the list too.
     */
    public List<Response> readAll(int max) throws IOException {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Optional<Response> next;
            try {
                next = read();
            } catch (java.net.SocketException e) {
                reset = true;
                break;
            }
            if (next.isEmpty()) {
                break;
            }
            responses.add(next.get());
        }
        return responses;
    }

    /**
     * Whether the server has closed (or reset) the connection within the socket timeout; anything it sent before
     * closing is skipped.
     */
    public boolean closedByServer() throws IOException {
        if (reset) {
            return true;
        }
        try {
            while (in.read() >= 0) {
                // skip what the server said before closing
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                String text = b.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
