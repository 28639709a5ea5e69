package dev.vigil.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, so fuzzed requests reach the server byte for byte: header values with control
 * characters, bodies that are not UTF-8, any Content-Type or none. Clients such as java.net.http refuse to send
 * those. One connection per request ({@code Connection: close}); the answer is read until the server closes it.
 */
public final class FuzzHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private FuzzHttp() {
    }

    public record Header(String name, String value) {
    }

    /**
     * @param target the request target as sent, already percent-encoded (path and query)
     * @param body   null for none; otherwise sent with its Content-Length
     */
    public record Request(String method, String target, List<Header> headers, byte[] body) {
        public Request with(String name, String value) {
            List<Header> more = new ArrayList<>(headers);
            more.add(new Header(name, value));
            return new Request(method, target, more, body);
        }

        public Request bearer(String token) {
            return with("Authorization", "Bearer " + token);
        }

        /** This request carrying {@code mutant}'s bytes under its Content-Type (none if it has none). */
        public Request carrying(BodyMutations.Mutant mutant) {
            Request typed = mutant.contentType() == null ? this : with("Content-Type", mutant.contentType());
            return new Request(typed.method(), typed.target(), typed.headers(), mutant.body());
        }

        /** The request as a failure message shows it, long values cut short. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(method).append(' ').append(Printable.of(target, 300));
            headers.forEach(h -> text.append("\n  ").append(h.name()).append(": ")
                    .append(Printable.of(h.value(), 200)));
            if (body != null) {
                text.append("\n  body (").append(body.length).append(" bytes): ").append(Printable.of(body, 400));
            }
            return text.toString();
        }
    }

    public record Answer(int status, List<Header> headers, String body) {
        /** The value of header {@code name}, or null. */
        public String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst()
                    .orElse(null);
        }

        /** The body as JSON, or null if it is not JSON. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type") + " " + Printable.of(body, 400);
        }
    }

    public static Request request(String method, String target) {
        return new Request(method, target, List.of(), null);
    }

    public static Answer send(int port, Request request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(bytesOf(request));
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
        }
    }

    private static byte[] bytesOf(Request request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((request.method() + " " + request.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (Header header : request.headers()) {
            out.write((header.name() + ": ").getBytes(StandardCharsets.ISO_8859_1));
            out.write(header.value().getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (request.body() != null) {
            out.write(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (request.body() != null) {
            out.write(request.body());
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** An empty answer (the connection closed without one) has status 0. */
    private static Answer parse(byte[] response) {
        int headEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (response.length == 0 || headEnd < 0) {
            return new Answer(0, List.of(), new String(response, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(response, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new Header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        byte[] body = Arrays.copyOfRange(response, headEnd + 4, response.length);
        boolean chunked = headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("Transfer-Encoding")
                && h.value().toLowerCase(Locale.ROOT).contains("chunked"));
        return new Answer(Integer.parseInt(lines[0].split(" ", 3)[1]), headers,
                new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] sought, int from) {
        outer:
        for (int i = from; i <= data.length - sought.length; i++) {
            for (int j = 0; j < sought.length; j++) {
                if (data[i + j] != sought[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
