package dev.vigil.ingest.cloudwatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.contracts.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Plays Amazon SNS for tests: an RSA key with a self-signed certificate served as PEM on a loopback HTTP server (the
 * test profile allows 127.0.0.1 over http), messages signed with it as AWS documents, and a SubscribeURL that
 * answers 200. The server records every request path, so a test can tell what ingest fetched. One per test JVM.
 */
public final class SnsTestSigner {
    public static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:vigil-alarms";
    private static final List<String> NOTIFICATION_SIGNED = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> CONFIRMATION_SIGNED = List.of("Message", "MessageId", "SubscribeURL",
            "Timestamp", "Token", "TopicArn", "Type");
    private static SnsTestSigner instance;

    private final KeyPair key;
    private final String pem;
    private final HttpServer server;
    private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

    private SnsTestSigner() throws GeneralSecurityException, IOException {
        key = rsaKey();
        pem = selfSignedPem(key);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    public static synchronized SnsTestSigner get() {
        if (instance == null) {
            try {
                instance = new SnsTestSigner();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot play SNS", e);
            }
        }
        return instance;
    }

    /** The certificate the server serves, as PEM. */
    public String certificatePem() {
        return pem;
    }

    /** A fresh certificate URL on the loopback server (each name fetched separately, so a test can count). */
    public String certificateUrl(String name) {
        return base() + "/certs/SimpleNotificationService-" + name + ".pem";
    }

    /** The certificate URL most tests share (fetched once, then cached by ingest). */
    public String certificateUrl() {
        return certificateUrl("shared");
    }

    public String subscribeUrl(String token) {
        return base() + "/confirm?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=" + token;
    }

    /** How many requests the server saw whose path and query start with {@code prefix}. */
    public long requestsTo(String prefix) {
        String path = prefix.startsWith("http") ? prefix.substring(base().length()) : prefix;
        return requests.stream().filter(r -> r.startsWith(path)).count();
    }

    /** The fields of a Notification carrying {@code message}, sent now, not yet signed. */
    public Map<String, String> notification(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", "Notification");
        fields.put("MessageId", UUID.randomUUID().toString());
        fields.put("TopicArn", TOPIC);
        fields.put("Subject", "ALARM: \"web-01-cpu-high\" in EU (Ireland)");
        fields.put("Message", message);
        fields.put("Timestamp", Instant.now().toString());
        fields.put("SigningCertURL", certificateUrl());
        fields.put("UnsubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
                + TOPIC + ":0b1c2d3e");
        return fields;
    }

    /** The fields of a SubscriptionConfirmation (or, with that type, an UnsubscribeConfirmation), not yet signed. */
    public Map<String, String> confirmation(String type, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Type", type);
        fields.put("MessageId", UUID.randomUUID().toString());
        fields.put("Token", token);
        fields.put("TopicArn", TOPIC);
        fields.put("Message", "You have chosen to subscribe to the topic " + TOPIC
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.");
        fields.put("SubscribeURL", subscribeUrl(token));
        fields.put("Timestamp", Instant.now().toString());
        fields.put("SigningCertURL", certificateUrl());
        return fields;
    }

    /** {@code fields} with SignatureVersion and Signature as SNS adds them, as the JSON body SNS posts. */
    public String signed(Map<String, String> fields, String version) {
        return Json.write(sign(fields, version, key));
    }

    /** Signed with another key than the certificate's: what a forger without SNS's key sends. */
    public String signedByAnotherKey(Map<String, String> fields) throws GeneralSecurityException {
        return Json.write(sign(fields, "2", rsaKey()));
    }

    /** The text SNS signs, built from AWS's documentation independently of ingest's code. */
    static String stringToSign(Map<String, String> fields) {
        List<String> names = "Notification".equals(fields.get("Type")) ? NOTIFICATION_SIGNED : CONFIRMATION_SIGNED;
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            if (fields.get(name) != null) {
                text.append(name).append('\n').append(fields.get(name)).append('\n');
            }
        }
        return text.toString();
    }

    private static Map<String, String> sign(Map<String, String> fields, String version, KeyPair by) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("SignatureVersion", version);
        try {
            Signature signature = Signature.getInstance(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
            signature.initSign(by.getPrivate());
            signature.update(stringToSign(fields).getBytes(StandardCharsets.UTF_8));
            signed.put("Signature", Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return signed;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().toString();
        requests.add(target);
        byte[] body;
        int status;
        if (target.startsWith("/certs/")) {
            body = pem.getBytes(StandardCharsets.US_ASCII);
            status = 200;
        } else if (target.startsWith("/confirm")) {
            body = "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.US_ASCII);
            status = 200;
        } else {
            body = new byte[0];
            status = 404;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static KeyPair rsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String selfSignedPem(KeyPair key) {
        try {
            X500Name name = new X500Name("CN=sns.amazonaws.com");
            Instant now = Instant.now();
            X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(2))), name,
                    key.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate()));
            StringWriter text = new StringWriter();
            try (PemWriter writer = new PemWriter(text)) {
                writer.writeObject(new JcaMiscPEMGenerator(certificate));
            }
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a certificate", e);
        }
    }
}
