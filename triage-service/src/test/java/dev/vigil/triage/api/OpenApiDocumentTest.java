package dev.vigil.triage.api;

import dev.vigil.testsupport.OpenApiCompleteness;
import dev.vigil.testsupport.VigilTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The document at /q/openapi tells a client every answer, problem and credential (copy in target/). */
@QuarkusTest
@WithTestResource(value = VigilTestResources.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiDocumentTest {

    @Test
    void everyOperationDocumentsItsAnswersProblemsAndCredentials() {
        OpenApiCompleteness.assertServedDocumentComplete(Path.of("target", "openapi.json"));
    }
}
