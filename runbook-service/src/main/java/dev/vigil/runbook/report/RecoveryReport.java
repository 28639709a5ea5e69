package dev.vigil.runbook.report;

import dev.vigil.runbook.Execution;
import dev.vigil.runbook.ExecutionStatus;
import dev.vigil.runbook.ExecutionStep;
import dev.vigil.runbook.Finding;
import dev.vigil.runbook.IncidentFacts;
import dev.vigil.runbook.Isolation;
import dev.vigil.runbook.StepStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer's report of an execution: what happened, its impact, where the fault was (the isolation record),
 * what was done and who checked it (the steps the customer may see, once done), and the times. Internal notes,
 * skipped steps and the steps kept from the customer stay out.
 */
public final class RecoveryReport {
    private RecoveryReport() {
    }

    /** The languages a report is written in. */
    public static Optional<String> language(String requested) {
        return requested == null ? Optional.of("en") : List.of("en", "ja").stream()
                .filter(requested.strip().toLowerCase(Locale.ROOT)::equals).findFirst();
    }

    /** @param language {@code en} or {@code ja} */
    public static ReportDocument write(Execution execution, List<ExecutionStep> steps, Isolation isolation,
            String language, ZoneId zone) {
        ReportWording words = ReportWording.valueOf(language.toUpperCase(Locale.ROOT));
        IncidentFacts incident = execution.incident();
        String affected = incident.resource() == null ? execution.runbookName() : incident.resource();
        List<ReportDocument.Section> sections = List.of(
                paragraph(words.text("happened"), words.text("happenedText", affected,
                        orDash(incident.summary()), orDash(incident.severity()),
                        words.time(incident.openedAt(), zone))),
                paragraph(words.text("impact"), words.text("impactText", affected)),
                listOr(words.text("fault"), faults(isolation, words), words.text("faultNone")),
                listOr(words.text("done"), done(steps, words, zone), words.text("doneNone")),
                new ReportDocument.Section(words.text("times"), List.of(), times(execution, words, zone)));
        return new ReportDocument(words.text("title", execution.runbookName()), sections);
    }

    private static List<String> faults(Isolation isolation, ReportWording words) {
        List<String> items = new ArrayList<>();
        isolation.areas().forEach((area, checked) -> {
            if (checked.finding() != Finding.NOT_CHECKED) {
                items.add(words.area(area) + ": " + words.finding(checked.finding())
                        + (checked.note() == null ? "" : " - " + checked.note()));
            }
        });
        return items;
    }

    private static List<String> done(List<ExecutionStep> steps, ReportWording words, ZoneId zone) {
        List<String> items = new ArrayList<>();
        for (ExecutionStep step : steps) {
            // skipped steps were not done, whether a person or a decision passed them over
            if (!step.definition().customerVisible() || step.status() != StepStatus.DONE) {
                continue;
            }
            StringBuilder item = new StringBuilder(words.text("step", step.title(), words.done(),
                    words.time(step.finishedAt(), zone), step.finishedBy()));
            if (step.verifiedBy() != null) {
                item.append(words.text("verified", step.verifiedBy(), words.time(step.verifiedAt(), zone)));
            }
            if (step.definition().expected() != null) {
                item.append('.').append(words.text("expected", step.definition().expected()));
            }
            items.add(item.toString());
        }
        return items;
    }

    private static List<String> times(Execution execution, ReportWording words, ZoneId zone) {
        List<String> items = new ArrayList<>();
        items.add(words.text("detected", words.time(execution.incident().openedAt(), zone)));
        items.add(words.text("started", words.time(execution.openedAt(), zone)));
        if (execution.status() == ExecutionStatus.OPEN) {
            items.add(words.text("status", words.status(execution.status())));
        } else {
            items.add(words.text("ended", words.status(execution.status()), words.time(execution.closedAt(), zone)));
        }
        return items;
    }

    private static ReportDocument.Section paragraph(String heading, String text) {
        return new ReportDocument.Section(heading, List.of(text), List.of());
    }

    private static ReportDocument.Section listOr(String heading, List<String> items, String none) {
        return items.isEmpty() ? paragraph(heading, none) : new ReportDocument.Section(heading, List.of(), items);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
