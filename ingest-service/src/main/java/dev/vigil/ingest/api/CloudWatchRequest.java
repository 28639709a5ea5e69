package dev.vigil.ingest.api;

import dev.vigil.ingest.cloudwatch.SnsMessage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an Amazon SNS HTTPS subscription posts, for the OpenAPI document only: {@link SnsMessage} reads it and
 * {@link dev.vigil.ingest.cloudwatch.CloudWatchAlarm} the alarm in its Message.
 */
@Schema(name = "SnsMessage", description = "One Amazon SNS message, as SNS posts it (Content-Type text/plain or"
        + " application/json). Every message's signature is verified against the certificate at SigningCertURL"
        + " (https on sns.<region>.amazonaws.com[.cn]) before anything else happens. A Notification's Message is a"
        + " CloudWatch alarm state change: ALARM fires, OK resolves, INSUFFICIENT_DATA fires at warning at most."
        + " A SubscriptionConfirmation is confirmed by a GET of its SubscribeURL; an UnsubscribeConfirmation is taken."
        + " Members not listed here are ignored.", examples = CloudWatchRequest.EXAMPLE)
public record CloudWatchRequest(
        @Schema(required = true, enumeration = {"Notification", "SubscriptionConfirmation",
                "UnsubscribeConfirmation"}, description = "Must equal the x-amz-sns-message-type header when"
                        + " sent") String Type,
        @Schema(required = true, description = "SNS's id of the message, the same in its redeliveries: an alert's"
                + " event id derives from it, so a redelivery counts once") String MessageId,
        @Schema(required = true, description = "arn:aws:sns:<region>:<account>:<topic>") String TopicArn,
        @Schema(description = "Notification only: the subject, when the publisher set one") String Subject,
        @Schema(required = true, description = "Notification: the CloudWatch alarm as a JSON string (AlarmName,"
                + " AlarmDescription, AWSAccountId, NewStateValue, NewStateReason, StateChangeTime, Region, AlarmArn,"
                + " OldStateValue, Trigger). A confirmation: SNS's text") String Message,
        @Schema(required = true, description = "When SNS sent it (ISO-8601); older than"
                + " vigil.ingest.cloudwatch.replay-window (1 hour) is refused as a replay") String Timestamp,
        @Schema(required = true, enumeration = {"1", "2"}, description = "1: SHA1withRSA, 2: SHA256withRSA")
        String SignatureVersion,
        @Schema(required = true, description = "Base64 signature of the message's signed fields") String Signature,
        @Schema(required = true, description = "https URL of SNS's signing certificate, on an SNS host")
        String SigningCertURL,
        @Schema(description = "Confirmations only: the URL that confirms the subscription, on an SNS host")
        String SubscribeURL,
        @Schema(description = "Confirmations only") String Token,
        @Schema(description = "Notification only; not used") String UnsubscribeURL) {

    static final String EXAMPLE = """
            {"Type": "Notification", "MessageId": "5f1c3a2e-8d4b-5e6f-9a0b-1c2d3e4f5a6b",
             "TopicArn": "arn:aws:sns:eu-west-1:123456789012:vigil-alarms",
             "Subject": "ALARM: \\"web-01 CPU high\\" in EU (Ireland)",
             "Message": "{\\"AlarmName\\":\\"web-01 CPU high\\",\\"AlarmDescription\\":\\"CPU over 80% [severity:major]\\",\\"AWSAccountId\\":\\"123456789012\\",\\"NewStateValue\\":\\"ALARM\\",\\"NewStateReason\\":\\"Threshold Crossed: 1 out of the last 1 datapoints [93.4 (25/11/26 10:10:00)] was greater than the threshold (80.0) (minimum 1 datapoint for OK -> ALARM transition).\\",\\"StateChangeTime\\":\\"2026-11-25T10:15:42.535+0000\\",\\"Region\\":\\"EU (Ireland)\\",\\"AlarmArn\\":\\"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-01 CPU high\\",\\"OldStateValue\\":\\"OK\\",\\"Trigger\\":{\\"MetricName\\":\\"CPUUtilization\\",\\"Namespace\\":\\"AWS/EC2\\",\\"Statistic\\":\\"AVERAGE\\",\\"Dimensions\\":[{\\"value\\":\\"i-0a1b2c3d4e5f60718\\",\\"name\\":\\"InstanceId\\"}],\\"Period\\":300,\\"EvaluationPeriods\\":1,\\"ComparisonOperator\\":\\"GreaterThanThreshold\\",\\"Threshold\\":80.0}}",
             "Timestamp": "2026-11-25T10:15:42.600Z", "SignatureVersion": "2",
             "Signature": "EXAMPLEpH+...base64...==",
             "SigningCertURL": "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-6209c161c6221fdf56ec1eb5c821d112.pem",
             "UnsubscribeURL": "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:123456789012:vigil-alarms:0b1c2d3e"}""";
}
