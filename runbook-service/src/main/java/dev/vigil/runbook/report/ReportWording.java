package dev.vigil.runbook.report;

import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.Finding;
import dev.vigil.runbook.IsolationArea;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The words of the customer report in one language: headings, labels and how times read. */
enum ReportWording {
    EN(Locale.ENGLISH, "d MMM yyyy, HH:mm zzz", Map.ofEntries(
            Map.entry("title", "Recovery report: %s"),
            Map.entry("happened", "What happened"),
            Map.entry("happenedText", "%s reported a problem: %s (severity %s). We detected it at %s."),
            Map.entry("impact", "Impact"),
            Map.entry("impactText", "While the problem lasted, %s did not work as it should."),
            Map.entry("fault", "Where the fault was"),
            Map.entry("faultNone", "Not recorded."),
            Map.entry("done", "What we did"),
            Map.entry("doneNone", "No step of the agreed procedure was recorded yet."),
            Map.entry("times", "Times"),
            Map.entry("detected", "Detected: %s"),
            Map.entry("started", "Procedure started: %s"),
            Map.entry("ended", "Procedure %s: %s"),
            Map.entry("status", "Procedure status: %s"),
            Map.entry("step", "%s: %s at %s by %s"),
            Map.entry("verified", ", checked by a second person, %s, at %s"),
            Map.entry("expected", " Result checked: %s"))),
    JA(Locale.JAPANESE, "yyyy年M月d日 HH:mm zzz", Map.ofEntries(
            Map.entry("title", "復旧報告: %s"),
            Map.entry("happened", "発生した事象"),
            Map.entry("happenedText", "%sで問題が発生しました: %s (重要度 %s)。%sに検知しました。"),
            Map.entry("impact", "影響"),
            Map.entry("impactText", "問題が続いている間、%sは正常に動作していませんでした。"),
            Map.entry("fault", "障害箇所"),
            Map.entry("faultNone", "記録はありません。"),
            Map.entry("done", "実施した対応"),
            Map.entry("doneNone", "合意済みの手順はまだ記録されていません。"),
            Map.entry("times", "時刻"),
            Map.entry("detected", "検知: %s"),
            Map.entry("started", "手順の開始: %s"),
            Map.entry("ended", "手順の%s: %s"),
            Map.entry("status", "手順の状態: %s"),
            Map.entry("step", "%s: %s %s (担当 %s)"),
            Map.entry("verified", "、別の担当者 %s が %s に確認"),
            Map.entry("expected", " 確認した結果: %s"),
            Map.entry("skipped", "省略")));

    private final Locale locale;
    private final String timePattern;
    private final Map<String, String> texts;

    ReportWording(Locale locale, String timePattern, Map<String, String> texts) {
        this.locale = locale;
        this.timePattern = timePattern;
        this.texts = texts;
    }

    /** The text {@code key} with {@code values} filled in. */
    String text(String key, Object... values) {
        return String.format(locale, texts.get(key), values);
    }

    String time(Instant at, ZoneId zone) {
        return at == null ? "-" : DateTimeFormatter.ofPattern(timePattern, locale).format(at.atZone(zone));
    }

    String status(ExecutionStatus status) {
        return switch (this) {
            case EN -> switch (status) {
                case OPEN -> "in progress";
                case COMPLETED -> "completed";
                case ABANDONED -> "stopped";
            };
            case JA -> switch (status) {
                case OPEN -> "対応中";
                case COMPLETED -> "完了";
                case ABANDONED -> "中止";
            };
        };
    }

    String area(IsolationArea area) {
        return switch (this) {
            case EN -> switch (area) {
                case HARDWARE -> "Hardware";
                case OS -> "Operating system";
                case MIDDLEWARE -> "Middleware";
                case APPLICATION -> "Application";
                case NETWORK -> "Network";
            };
            case JA -> switch (area) {
                case HARDWARE -> "ハードウェア";
                case OS -> "OS";
                case MIDDLEWARE -> "ミドルウェア";
                case APPLICATION -> "アプリケーション";
                case NETWORK -> "ネットワーク";
            };
        };
    }

    String finding(Finding finding) {
        return switch (this) {
            case EN -> switch (finding) {
                case NOT_CHECKED -> "not checked";
                case CLEAR -> "no fault found";
                case SUSPECT -> "suspected";
                case FAULT -> "the fault was here";
            };
            case JA -> switch (finding) {
                case NOT_CHECKED -> "未確認";
                case CLEAR -> "異常なし";
                case SUSPECT -> "疑いあり";
                case FAULT -> "障害箇所";
            };
        };
    }

    String done() {
        return this == EN ? "done" : "完了";
    }
}
