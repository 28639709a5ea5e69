package dev.vigil.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.contracts.Audience;
import dev.vigil.contracts.Json;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.Message;
import dev.vigil.notify.message.MessageDetails;
import dev.vigil.notify.message.MessageWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sample message {@code POST /v1/endpoints/{id}/test} sends: in the endpoint's channel and language, signed like
 * every delivery, and for a JSON webhook with a type of its own so a receiver can tell it from a real notice.
 */
public final class EndpointTest {
    public static final String TYPE = "endpoint.test";

    public record Payload(String type, Instant timestamp, Data data) {
    }

    /** @param note why it was sent, as its sender said; left out when not said */
    public record Data(UUID endpointId, String tenant, Audience audience, String requestedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note, Language language, String subject,
            String message) {
    }

    private EndpointTest() {
    }

    public static String payload(Endpoint endpoint, String requestedBy, String note, Instant now) {
        Language language = endpoint.format().language();
        Message message = message(endpoint, requestedBy, note, language);
        return MessageWriter.shaped(endpoint.format(), message, () -> Json.write(new Payload(TYPE, now,
                new Data(endpoint.id(), endpoint.tenant(), endpoint.audience(), requestedBy, note, language,
                        message.subject(), message.body()))));
    }

    private static Message message(Endpoint endpoint, String requestedBy, String note, Language language) {
        boolean ja = language == Language.JA;
        List<Message.Detail> details = new ArrayList<>();
        details.add(new Message.Detail(ja ? "エンドポイント" : "Endpoint", endpoint.url()));
        details.add(new Message.Detail(ja ? "依頼者" : "Requested by", requestedBy));
        if (note != null) {
            details.add(new Message.Detail(ja ? "メモ" : "Note", note));
        }
        return ja
                ? new Message("【テスト】Vigilからのテスト送信", "このエンドポイントが弊社からの通知を受け取れることを確認するため、"
                        + "ご依頼によりテストメッセージを送信しました。障害は発生していません。対応は不要です。",
                        MessageDetails.title(language), details)
                : new Message("Test message from Vigil", "We sent this test message on request, to check that this"
                        + " endpoint receives our notifications. Nothing has happened: no action is needed.",
                        MessageDetails.title(language), details);
    }
}
