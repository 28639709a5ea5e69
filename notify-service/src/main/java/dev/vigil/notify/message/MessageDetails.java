package dev.vigil.notify.message;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The technical section below every message: what an engineer on the reader's side needs to find the problem.
 * Vigil writes it, not the template, so an overridden template cannot leave it out.
 */
public final class MessageDetails {

    private MessageDetails() {
    }

    public static String title(Language language) {
        return language == Language.JA ? "技術情報" : "Technical details";
    }

    static List<Message.Detail> of(MessageKind kind, MessageFacts facts, Language language) {
        boolean ja = language == Language.JA;
        List<Message.Detail> details = new ArrayList<>();
        if (kind == MessageKind.ENDPOINT_DISABLED) {
            add(details, ja ? "エンドポイント" : "Endpoint", facts.endpointUrl());
            add(details, ja ? "宛先" : "Audience", facts.endpointAudience());
            add(details, ja ? "理由" : "Reason", facts.reason());
            add(details, ja ? "無効化" : "Disabled at", facts.openedAt());
            return List.copyOf(details);
        }
        if (kind == MessageKind.HANDOVER_OVERDUE) {
            add(details, ja ? "シフト" : "Shift", facts.shift());
            add(details, ja ? "引き継ぎ先" : "Next shift", facts.nextShift());
            add(details, ja ? "作成者" : "Written by", facts.writtenBy());
            add(details, ja ? "作成" : "Written at", facts.openedAt());
            add(details, ja ? "確認期限" : "Acknowledge by", facts.acknowledgeBy());
            return List.copyOf(details);
        }
        if (kind == MessageKind.RECOVERY_STEP) {
            add(details, ja ? "完了した工程" : "Step done", facts.stepTitle());
            add(details, ja ? "進捗" : "Progress", facts.stepsDone() + " / " + facts.stepsTotal());
        }
        add(details, ja ? "対象" : "Resource", facts.resource());
        add(details, ja ? "チェック" : "Check", facts.check());
        add(details, ja ? "重大度" : "Severity", facts.severity());
        add(details, ja ? "監視元" : "Source", facts.source());
        add(details, ja ? "概要" : "Summary", facts.summary());
        add(details, ja ? "発生" : "Started", facts.openedAt());
        add(details, ja ? "復旧" : "Resolved", facts.resolvedAt());
        add(details, ja ? "検知回数" : "Occurrences", facts.occurrences() > 0 ? Long.toString(facts.occurrences()) : null);
        if (!facts.labels().isEmpty()) {
            add(details, ja ? "ラベル" : "Labels", facts.labels().entrySet().stream()
                    .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(", ")));
        }
        add(details, ja ? "インシデントID" : "Incident", facts.incidentId());
        return List.copyOf(details);
    }

    private static void add(List<Message.Detail> details, String label, String value) {
        if (value != null && !value.isBlank()) {
            details.add(new Message.Detail(label, value));
        }
    }
}
