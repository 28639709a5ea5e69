package dev.vigil.ingest.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.contracts.AlertStatus;
import dev.vigil.contracts.Json;
import dev.vigil.contracts.Severity;
import dev.vigil.ingest.ProbeResult;
import dev.vigil.platform.validation.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CloudWatch alarm state changes as SNS carries them in a Notification's Message, written from AWS's documentation. */
public class CloudWatchAlarmTest {
    public static final String ALARM = """
            {"AlarmName":"web-01-cpu-high","AlarmDescription":"CPU of web-01 over 80% for 5 minutes [severity:major]",
             "AWSAccountId":"123456789012","AlarmConfigurationUpdatedTimestamp":"2026-11-20T08:01:12.114+0000",
             "NewStateValue":"ALARM",
             "NewStateReason":"Threshold Crossed: 1 out of the last 1 datapoints [93.4 (25/11/26 10:10:00)] was greater than the threshold (80.0) (minimum 1 datapoint for OK -> ALARM transition).",
             "StateChangeTime":"2026-11-25T10:15:42.535+0000","Region":"EU (Ireland)",
             "AlarmArn":"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-01-cpu-high","OldStateValue":"OK",
             "OKActions":["arn:aws:sns:eu-west-1:123456789012:vigil-alarms"],
             "AlarmActions":["arn:aws:sns:eu-west-1:123456789012:vigil-alarms"],"InsufficientDataActions":[],
             "Trigger":{"MetricName":"CPUUtilization","Namespace":"AWS/EC2","StatisticType":"Statistic",
              "Statistic":"AVERAGE","Unit":null,"Dimensions":[{"value":"i-0a1b2c3d4e5f60718","name":"InstanceId"}],
              "Period":300,"EvaluationPeriods":1,"DatapointsToAlarm":1,"ComparisonOperator":"GreaterThanThreshold",
              "Threshold":80.0,"TreatMissingData":"missing","EvaluateLowSampleCountPercentile":""}}""";

    public static final String OK = ALARM.replace("\"NewStateValue\":\"ALARM\"", "\"NewStateValue\":\"OK\"")
            .replace("\"OldStateValue\":\"OK\"", "\"OldStateValue\":\"ALARM\"")
            .replace("Threshold Crossed: 1 out of the last 1 datapoints [93.4 (25/11/26 10:10:00)] was greater than"
                    + " the threshold (80.0) (minimum 1 datapoint for OK -> ALARM transition).",
                    "Threshold Crossed: 1 out of the last 1 datapoints [41.2 (25/11/26 10:25:00)] was not greater than"
                            + " the threshold (80.0) (minimum 1 datapoint for ALARM -> OK transition).")
            .replace("2026-11-25T10:15:42.535+0000", "2026-11-25T10:30:42.871+0000");

    public static final String INSUFFICIENT_DATA = """
            {"AlarmName":"orders-queue-backlog","AlarmDescription":null,"AWSAccountId":"123456789012",
             "NewStateValue":"INSUFFICIENT_DATA",
             "NewStateReason":"Insufficient Data: 1 datapoint was unknown.",
             "StateChangeTime":"2026-11-25T11:02:07.018+0000","Region":"US East (N. Virginia)",
             "AlarmArn":"arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-queue-backlog","OldStateValue":"ALARM",
             "Trigger":{"MetricName":"ApproximateNumberOfMessagesVisible","Namespace":"AWS/SQS",
              "Statistic":"MAXIMUM","Dimensions":[{"value":"orders","name":"QueueName"}],"Period":60,
              "EvaluationPeriods":3,"ComparisonOperator":"GreaterThanOrEqualToThreshold","Threshold":1000.0}}""";

    @Test
    void anAlarmFiresOnTheFirstDimensionWithTheDescriptionsSeverity() {
        ProbeResult result = one(ALARM);
        assertEquals("cloudwatch", result.source());
        assertEquals("i-0a1b2c3d4e5f60718", result.resource());
        assertEquals("web-01-cpu-high", result.check());
        assertEquals(Severity.MAJOR, result.severity());
        assertEquals(AlertStatus.FIRING, result.status());
        assertEquals("cloudwatch:arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-01-cpu-high",
                result.fingerprint());
        assertEquals(Instant.parse("2026-11-25T10:15:42.535Z"), result.observedAt());
        assertTrue(result.summary().startsWith("Threshold Crossed: 1 out of the last 1 datapoints [93.4"));
    }

    @Test
    void labelsNameAccountRegionMetricAndDimensionsAndAnnotationsKeepTheRest() {
        ProbeResult result = one(ALARM);
        assertEquals("123456789012", result.labels().get("aws_account"));
        assertEquals("eu-west-1", result.labels().get("aws_region"));
        assertEquals("AWS/EC2", result.labels().get("namespace"));
        assertEquals("CPUUtilization", result.labels().get("metric"));
        assertEquals("i-0a1b2c3d4e5f60718", result.labels().get("dimension.InstanceId"));
        assertEquals("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-01-cpu-high",
                result.annotations().get("alarm_arn"));
        assertEquals("ALARM", result.annotations().get("cloudwatch_state"));
        assertEquals("OK", result.annotations().get("previous_state"));
        assertEquals("CPU of web-01 over 80% for 5 minutes [severity:major]", result.annotations().get("description"));
        assertEquals("GreaterThanThreshold 80.0", result.annotations().get("threshold"));
        assertEquals("AVERAGE", result.annotations().get("statistic"));
        assertEquals("EU (Ireland)", result.annotations().get("region_name"));
        assertEquals("msg-1", result.annotations().get("sns_message_id"));
    }

    @Test
    void okResolvesTheAlertOfTheSameAlarm() {
        ProbeResult fired = one(ALARM);
        ProbeResult resolved = one(OK);
        assertEquals(AlertStatus.RESOLVED, resolved.status());
        assertEquals(fired.fingerprint(), resolved.fingerprint());
        assertEquals("OK", resolved.annotations().get("cloudwatch_state"));
    }

    @Test
    void insufficientDataFiresAtWarningAndSaysSo() {
        ProbeResult result = one(INSUFFICIENT_DATA);
        assertEquals(AlertStatus.FIRING, result.status());
        assertEquals(Severity.WARNING, result.severity());
        assertEquals("INSUFFICIENT_DATA", result.annotations().get("cloudwatch_state"));
        assertEquals("orders", result.resource());
        assertFalse(result.annotations().containsKey("description"), "a null description is no annotation");
    }

    @Test
    void insufficientDataNeverPagesAboveWarningButKeepsALowerSeverity() {
        assertEquals(Severity.WARNING, one(alarm(INSUFFICIENT_DATA).put("AlarmDescription", "[severity:critical]")
                .toString()).severity());
        assertEquals(Severity.INFO, one(alarm(INSUFFICIENT_DATA).put("AlarmDescription", "[Severity: INFO]")
                .toString()).severity());
    }

    @Test
    void withoutAMarkerTheSeverityIsWarningAndAnUnknownMarkerIsKept() {
        assertEquals(Severity.WARNING, one(alarm(ALARM).put("AlarmDescription", "CPU high").toString()).severity());
        ProbeResult unknown = one(alarm(ALARM).put("AlarmDescription", "[severity:sev1] CPU high").toString());
        assertEquals(Severity.WARNING, unknown.severity());
        assertEquals("sev1", unknown.annotations().get("cloudwatch_severity"));
    }

    @Test
    void anAlarmWithoutDimensionsIsAboutItselfAndANameWithSpacesStillGivesOneFingerprint() {
        ObjectNode math = alarm(ALARM).put("AlarmName", "checkout error rate")
                .put("AlarmArn", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:checkout error rate");
        ((ObjectNode) math.get("Trigger")).remove("Dimensions");
        ProbeResult fired = one(math.toString());
        assertEquals("checkout error rate", fired.resource());
        assertTrue(fired.fingerprint().startsWith("cloudwatch:arn-sha256:"), fired.fingerprint());
        ProbeResult resolved = one(math.put("NewStateValue", "OK").toString());
        assertEquals(fired.fingerprint(), resolved.fingerprint());
    }

    @Test
    void aMessageThatIsNotAnAlarmIsRefusedNamingMessage() {
        assertEquals("Message", refused("Hello from SNS"));
        assertEquals("Message", refused("{\"default\": \"not an alarm\"}"));
        assertEquals("Message", refused("[1, 2]"));
        assertEquals("Message.NewStateValue", refused(alarm(ALARM).put("NewStateValue", "BROKEN").toString()));
        assertEquals("Message.AlarmArn", refused(alarm(ALARM).put("AlarmArn", "arn:aws:sns:x").toString()));
        assertEquals("Message.AlarmName", refused(alarm(ALARM).put("AlarmName", 7).toString()));
        assertEquals("Message.StateChangeTime", refused(alarm(ALARM).put("StateChangeTime", "yesterday").toString()));
        ObjectNode badDimension = alarm(ALARM);
        ((ObjectNode) badDimension.get("Trigger")).putArray("Dimensions").add(5);
        assertEquals("Message.Trigger.Dimensions[0]", refused(badDimension.toString()));
    }

    private static String refused(String message) {
        return assertThrows(InvalidInputException.class, () -> CloudWatchAlarm.toProbeResults(notification(message)))
                .violations().get(0).field();
    }

    private static ProbeResult one(String message) {
        List<ProbeResult> results = CloudWatchAlarm.toProbeResults(notification(message));
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static SnsMessage notification(String message) {
        return new SnsMessage(SnsMessage.Type.NOTIFICATION, "msg-1", "arn:aws:sns:eu-west-1:123456789012:vigil-alarms",
                null, message, "2026-11-25T10:15:42.600Z", Instant.parse("2026-11-25T10:15:42.600Z"), "2", "c2ln",
                "https://sns.eu-west-1.amazonaws.com/cert.pem", null, null);
    }

    private static ObjectNode alarm(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
