package dev.vigil.ingest.cloudwatch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs in a message ingest may fetch: https (plain http only where configured, in tests) on an SNS host, with
 * no user info. The host is taken from the parsed URI that is then fetched, so what is checked is what is fetched:
 * {@code sns.us-east-1.amazonaws.com.evil.net}, {@code evil.net/sns...} and {@code sns...@evil.net} all name
 * another host and are refused.
 */
public final class SnsUrlRule {
    private final Pattern hosts;
    private final boolean allowPlainHttp;

    public SnsUrlRule(String hostPattern, boolean allowPlainHttp) {
        this.hosts = Pattern.compile(hostPattern);
        this.allowPlainHttp = allowPlainHttp;
    }

    /** The URL to fetch, or an {@link UntrustedMessageException} naming {@code field}. */
    public URI allowed(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UntrustedMessageException(field, "is not a URL");
        }
        if (uri.getPort() > 65535) {
            throw new UntrustedMessageException(field, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            throw new UntrustedMessageException(field, "must be an https URL of Amazon SNS");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null
                || !hosts.matcher(uri.getHost().toLowerCase(Locale.ROOT)).matches()) {
            throw new UntrustedMessageException(field, "must name an Amazon SNS host (sns.<region>.amazonaws.com)");
        }
        return uri;
    }
}
