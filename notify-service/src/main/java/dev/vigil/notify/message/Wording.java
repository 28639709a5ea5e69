package dev.vigil.notify.message;

import dev.vigil.contracts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The words and date forms of each language that the facts of a message are given in. */
final class Wording {
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz",
            Language.EN.locale());
    private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm zzz",
            Language.JA.locale());

    private Wording() {
    }

    /** "26 Nov 2026, 03:12 JST" or "2026年11月26日 03:12 JST"; null for null. */
    static String time(Instant at, Language language, ZoneId zone) {
        if (at == null) {
            return null;
        }
        return (language == Language.JA ? JAPANESE_TIME : ENGLISH_TIME).withZone(zone).format(at);
    }

    static String severity(Severity severity, Language language) {
        if (severity == null) {
            return null;
        }
        if (language == Language.EN) {
            return severity.wireName();
        }
        return switch (severity) {
            case CRITICAL -> "緊急";
            case MAJOR -> "重大";
            case MINOR -> "軽度";
            case WARNING -> "警告";
            case INFO -> "情報";
        };
    }

    /** "1 hour 5 minutes", "1時間5分"; at least a minute, so a short outage does not read as none. */
    static String duration(Instant from, Instant to, Language language) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        long minutes = Math.max(1, Duration.between(from, to).toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (language == Language.JA) {
            return (hours > 0 ? hours + "時間" : "") + (rest > 0 || hours == 0 ? rest + "分" : "");
        }
        String hourPart = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String minutePart = rest == 0 && hours > 0 ? "" : rest + (rest == 1 ? " minute" : " minutes");
        return (hourPart + " " + minutePart).strip();
    }
}
