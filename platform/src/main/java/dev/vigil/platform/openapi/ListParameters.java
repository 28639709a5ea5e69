package dev.vigil.platform.openapi;

import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.security.TenantIds;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Describes the query parameters every list endpoint shares. Resources take them as text, so that a malformed
 * value is a 400 naming it rather than JAX-RS's 404; the document still states what they accept.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ListParameters implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY || parameter.getName() == null) {
            return parameter;
        }
        switch (parameter.getName()) {
            case "limit" -> parameter.description("How many items a page holds")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                            .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(QueryParams.MAX_LIMIT))
                            .defaultValue(QueryParams.DEFAULT_LIMIT));
            case "cursor" -> parameter.description("The nextCursor of the previous page; leave it out for the first."
                    + " Opaque: a cursor no page gave out is refused");
            case "tenant" -> parameter.description("Only these of the token's tenants (repeatable); all of them when"
                    + " left out. A tenant outside the token is refused with 403")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                    .pattern("^" + TenantIds.REGEX + "$")))
                    .explode(true);
            default -> {
                return parameter;
            }
        }
        return parameter;
    }
}
