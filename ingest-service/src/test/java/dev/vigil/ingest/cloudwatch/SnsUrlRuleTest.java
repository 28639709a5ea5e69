package dev.vigil.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.ingest.config.CloudWatchConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production rule (CloudWatchConfig's defaults) for the URLs ingest fetches from a message. */
class SnsUrlRuleTest {
    private final SnsUrlRule production = new SnsUrlRule(CloudWatchConfig.SNS_HOSTS, false);

    @Test
    void snsHostsOverHttpsAreAllowed() {
        assertEquals("sns.eu-west-1.amazonaws.com", production.allowed("SigningCertURL",
                "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-6209c161c6221fdf56ec1eb5c821d112.pem")
                .getHost());
        assertEquals("sns.cn-north-1.amazonaws.com.cn", production.allowed("SubscribeURL",
                "https://sns.cn-north-1.amazonaws.com.cn/?Action=ConfirmSubscription&TopicArn=arn:aws-cn:sns:"
                        + "cn-north-1:123456789012:alarms&Token=2336412f37").getHost());
        production.allowed("SigningCertURL", "https://SNS.US-EAST-1.AMAZONAWS.COM/cert.pem");
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        List<String> refused = List.of(
                "http://sns.us-east-1.amazonaws.com/cert.pem",
                "https://sns.us-east-1.amazonaws.com.evil.net/cert.pem",
                "https://evil.net/sns.us-east-1.amazonaws.com/cert.pem",
                "https://evil.net?sns.us-east-1.amazonaws.com",
                "https://evil.net#sns.us-east-1.amazonaws.com",
                "https://sns.us-east-1.amazonaws.com@evil.net/cert.pem",
                "https://sns.us-east-1.amazonaws.com:443@evil.net/cert.pem",
                "https://user:pass@sns.us-east-1.amazonaws.com/cert.pem",
                "https://evil.net\\@sns.us-east-1.amazonaws.com/cert.pem",
                "https://sns.us-east-1.amazonaws.com./cert.pem",
                "https://xsns.us-east-1.amazonaws.com/cert.pem",
                "https://sns.us-east-1.amazonaws.co/cert.pem",
                "https://sns.amazonaws.com/cert.pem",
                "https://s3.us-east-1.amazonaws.com/cert.pem",
                "https://127.0.0.1/cert.pem",
                "ftp://sns.us-east-1.amazonaws.com/cert.pem",
                "//sns.us-east-1.amazonaws.com/cert.pem",
                "sns.us-east-1.amazonaws.com/cert.pem",
                "https:///cert.pem",
                "https://sns.us-east-1.amazonaws.com:99999/cert.pem",
                "");
        for (String url : refused) {
            UntrustedMessageException e = assertThrows(UntrustedMessageException.class,
                    () -> production.allowed("SigningCertURL", url), url);
            assertEquals("SigningCertURL", e.field(), url);
        }
    }

    @Test
    void plainHttpIsAllowedOnlyWhereConfigured() {
        new SnsUrlRule(CloudWatchConfig.SNS_HOSTS, true).allowed("SubscribeURL", "http://sns.us-east-1.amazonaws.com/x");
        assertThrows(UntrustedMessageException.class,
                () -> new SnsUrlRule(CloudWatchConfig.SNS_HOSTS, true).allowed("SubscribeURL", "http://evil.net/x"));
    }
}
