package dev.vigil.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The CloudWatch input (SNS HTTPS subscriptions): which hosts ingest fetches from, and how fresh a message must be. */
@ConfigMapping(prefix = "vigil.ingest.cloudwatch")
public interface CloudWatchConfig {
    /**
     * SNS's endpoints in every partition: sns.us-east-1.amazonaws.com, sns.cn-north-1.amazonaws.com.cn. Character
     * classes rather than backslashes, so the pattern reads the same in Java, properties files and environment.
     */
    String SNS_HOSTS = "sns[.][a-z0-9-]+[.]amazonaws[.]com([.]cn)?";

    /**
     * The hosts a SigningCertURL or SubscribeURL may name, a regular expression matched against the whole host
     * (lower case). Only the test profile widens it, to serve its certificate on loopback.
     */
    @WithDefault(SNS_HOSTS)
    String snsHosts();

    /** Whether those URLs may be plain http: only in tests. SNS serves both over https. */
    @WithDefault("false")
    boolean allowPlainHttp();

    /**
     * How old a message's Timestamp may be. SNS gives up retrying an HTTP/S delivery within an hour (a hard limit of
     * its delivery policies), so an older message is a replay.
     */
    @WithDefault("1h")
    Duration replayWindow();

    /** How long fetching a signing certificate or confirming a subscription may take. */
    @WithDefault("5s")
    Duration fetchTimeout();

    /** Signing certificates kept, by URL; SNS signs with one per region at a time. */
    @WithDefault("32")
    @Min(1)
    @Max(1024)
    int certificateCacheSize();
}
