package dev.vigil.notify.api;

import dev.vigil.notify.Channel;
import dev.vigil.notify.message.Format;
import dev.vigil.notify.message.Language;
import dev.vigil.notify.message.MessageKind;
import dev.vigil.notify.message.MessageTemplates;
import dev.vigil.notify.message.MessageWriter;
import dev.vigil.notify.message.TemplateText;
import dev.vigil.notify.store.TemplateStore;
import dev.vigil.platform.api.QueryParams;
import dev.vigil.platform.paging.Page;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The wording of a tenant's messages: Vigil's template for each kind and language, which a tenant may replace with
 * its own. A template is checked when it is saved, on realistic samples with every fact and with none of the
 * optional ones, so one that does not render is refused then, not found out at 3 a.m. Customers read and change
 * the messages customers get; the MSP's own messages (to operators and supervisors) are staff's.
 */
@Path("/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {
    private static final String KINDS = Arrays.stream(MessageKind.values()).map(MessageKind::wireName)
            .collect(Collectors.joining(", "));
    private static final String STAFF_KIND = "A customer token reads and changes the messages customers get only";

    private final TemplateStore store;
    private final MessageWriter writer;
    private final CallerScope caller;
    private final SecurityIdentity identity;

    public TemplatesResource(TemplateStore store, MessageWriter writer, CallerScope caller,
            SecurityIdentity identity) {
        this.store = store;
        this.writer = writer;
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<Page<TemplateView>> list(@QueryParam("tenant") List<String> tenants,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        // a customer never learns how the MSP words its own channels
        List<MessageKind> kinds = Arrays.stream(MessageKind.values())
                .filter(kind -> kind.customerFacing() || !identity.hasRole(Roles.CUSTOMER)).toList();
        return store.list(caller.forList(tenants), kinds, QueryParams.page(limit, cursor, UUID::fromString))
                .map(page -> page.map(TemplateView::of));
    }

    @APIResponse(responseCode = "200", description = "The template the tenant's messages of this kind and language"
            + " are written from: its own, or Vigil's",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "403", description = STAFF_KIND)
    @GET
    @Path("/{kind}/{language}")
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<TemplateView> get(@PathParam("kind") String rawKind, @PathParam("language") String rawLanguage,
            @QueryParam("tenant") String requestedTenant) {
        MessageKind kind = kind(rawKind);
        Language language = language(rawLanguage);
        String tenant = caller.forOne(requestedTenant);
        return store.find(tenant, kind, language).map(found -> found.map(TemplateView::of)
                .orElseGet(() -> TemplateView.builtIn(tenant, kind, language,
                        writer.templates().builtIn(kind, language))));
    }

    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "confirmed", value = "{\"subject\": \"Problem with {resource}\","
                    + " \"body\": \"We are working on a problem with {resource}.\\n\\nWe will write again when it is"
                    + " fixed.\"}")))
    @APIResponse(responseCode = "200", description = "Saved: the tenant's messages of this kind and language are"
            + " written from it from now on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "400", description = "It does not parse, uses a section that is not allowed, or"
            + " does not render on a sample: the problem names subject or body")
    @APIResponse(responseCode = "403", description = STAFF_KIND)
    @PUT
    @Path("/{kind}/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR})
    public Uni<TemplateView> save(@PathParam("kind") String rawKind, @PathParam("language") String rawLanguage,
            @Valid @NotNull(message = "a JSON body is required") TemplateRequest request) {
        MessageKind kind = kind(rawKind);
        Language language = language(rawLanguage);
        String tenant = caller.forWrite(request.tenant());
        TemplateText text = checked(kind, language, request.subject(), request.body());
        return store.save(tenant, kind, language, text, caller.user()).map(TemplateView::of);
    }

    @APIResponse(responseCode = "204", description = "The tenant's template is gone: Vigil's is used again")
    @APIResponse(responseCode = "403", description = STAFF_KIND)
    @APIResponse(responseCode = "404", description = "The tenant has no template of its own for this kind and"
            + " language")
    @DELETE
    @Path("/{kind}/{language}")
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR})
    public Uni<Response> delete(@PathParam("kind") String rawKind, @PathParam("language") String rawLanguage,
            @QueryParam("tenant") String requestedTenant) {
        MessageKind kind = kind(rawKind);
        Language language = language(rawLanguage);
        String tenant = caller.forOne(requestedTenant);
        return store.delete(tenant, kind, language).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Tenant " + tenant + " has no " + kind.wireName() + " template in "
                        + language.wireName() + " of its own");
            }
            return Response.noContent().build();
        });
    }

    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {
                @ExampleObject(name = "current", value = "{\"kind\": \"confirmed\", \"language\": \"ja\","
                        + " \"channel\": \"email\", \"timeZone\": \"Asia/Tokyo\"}"),
                @ExampleObject(name = "draft", value = "{\"kind\": \"recovered\", \"language\": \"en\","
                        + " \"subject\": \"Fixed: {resource}\", \"body\": \"{resource} works again.\"}")}))
    @APIResponse(responseCode = "200", description = "The message the template writes of a sample incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PreviewView.class)))
    @APIResponse(responseCode = "400", description = "The template to try does not render, naming subject or"
            + " body; or a field is unknown")
    @APIResponse(responseCode = "403", description = STAFF_KIND)
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.SUPERVISOR, Roles.OPERATOR})
    public Uni<PreviewView> preview(@Valid @NotNull(message = "a JSON body is required") PreviewRequest request) {
        MessageKind kind = kind(request.kind());
        Language language = language(request.language());
        Channel channel = FormatInput.channel(request.channel());
        ZoneId zone = FormatInput.zone(request.timeZone());
        Format format = new Format(channel, language, zone == null ? Format.DEFAULT.zone() : zone);
        String tenant = caller.forOne(request.tenant());
        if (request.subject() != null || request.body() != null) {
            TemplateText draft = checked(kind, language, request.subject(), request.body());
            return Uni.createFrom().item(preview(kind, format, draft, "request"));
        }
        return store.find(tenant, kind, language).map(found -> found
                .map(stored -> preview(kind, format, stored.text(), "tenant"))
                .orElseGet(() -> preview(kind, format, writer.templates().builtIn(kind, language), "vigil")));
    }

    private PreviewView preview(MessageKind kind, Format format, TemplateText text, String source) {
        MessageWriter.Written preview = writer.preview(kind, format, text);
        return new PreviewView(kind, format.language(), format.channel(), source, preview.message().subject(),
                preview.message().body(), preview.message().details(), preview.message().plainText(),
                preview.payload());
    }

    /** The template, if it renders; a 400 naming subject or body otherwise. */
    private TemplateText checked(MessageKind kind, Language language, String subject, String body) {
        if (subject == null || subject.isBlank()) {
            throw ProblemException.invalid("subject", "is required");
        }
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "is required");
        }
        TemplateText text = new TemplateText(subject.strip(), body.strip());
        MessageTemplates templates = writer.templates();
        templates.problem(kind, language, text).ifPresent(problem -> {
            throw ProblemException.invalid(problem.field(), "does not render: " + problem.reason());
        });
        return text;
    }

    /** The kind named by the path, if the caller may see it. */
    private MessageKind kind(String raw) {
        MessageKind kind = MessageKind.fromWire(raw == null ? "" : raw.strip())
                .orElseThrow(() -> ProblemException.invalid("kind", "must be one of " + KINDS));
        if (!kind.customerFacing() && identity.hasRole(Roles.CUSTOMER)) {
            throw new ProblemException(ProblemType.FORBIDDEN, STAFF_KIND);
        }
        return kind;
    }

    private static Language language(String raw) {
        return Language.fromWire(raw == null ? "" : raw.strip())
                .orElseThrow(() -> ProblemException.invalid("language", "must be one of " + FormatInput.LANGUAGES));
    }
}
