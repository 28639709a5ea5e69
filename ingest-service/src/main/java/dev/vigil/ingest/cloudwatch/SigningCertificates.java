package dev.vigil.ingest.cloudwatch;

import dev.vigil.ingest.config.CloudWatchConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNS's signing certificates by URL: fetched once (SNS signs every message of a region with the same one for
 * months), kept while valid, at most {@code vigil.ingest.cloudwatch.certificate-cache-size} of them, the least
 * recently used dropped first, so messages naming many URLs cannot grow memory. Trust rests on the URL: https to an
 * SNS host ({@link SnsUrlRule}), whose TLS certificate the JDK's trust store checks.
 */
@ApplicationScoped
public class SigningCertificates {
    static final String FIELD = "SigningCertURL";
    /** SNS's certificates are about 2 KB of PEM. */
    private static final int MAX_BYTES = 64 * 1024;

    private final SnsFetcher fetcher;
    private final Map<String, X509Certificate> cache;

    public SigningCertificates(SnsFetcher fetcher, CloudWatchConfig config) {
        this.fetcher = fetcher;
        int size = config.certificateCacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
                return size() > size;
            }
        };
    }

    public Uni<X509Certificate> of(URI url) {
        X509Certificate cached = cached(url.toString());
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return fetcher.get(FIELD, url).map(body -> {
            X509Certificate certificate = parse(body.getBytes());
            synchronized (cache) {
                cache.put(url.toString(), certificate);
            }
            return certificate;
        });
    }

    private X509Certificate cached(String url) {
        synchronized (cache) {
            X509Certificate certificate = cache.get(url);
            if (certificate != null && !valid(certificate)) {
                cache.remove(url);
                return null;
            }
            return certificate;
        }
    }

    /** A PEM (or DER) X.509 certificate valid now, or a refusal naming SigningCertURL. */
    static X509Certificate parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new UntrustedMessageException(FIELD, "does not serve a certificate (over " + MAX_BYTES + " bytes)");
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(body));
        } catch (CertificateException | ClassCastException e) {
            throw new UntrustedMessageException(FIELD, "does not serve an X.509 certificate");
        }
        if (!valid(certificate)) {
            throw new UntrustedMessageException(FIELD, "serves a certificate that is expired or not yet valid");
        }
        return certificate;
    }

    private static boolean valid(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }
}
