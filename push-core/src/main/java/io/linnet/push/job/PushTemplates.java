package io.linnet.push.job;

import io.linnet.push.PushContent;
import io.linnet.push.PushRequest;
import io.linnet.push.TemplateId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** An app's notification templates: create, list, read, replace, delete. Names are unique per app, in any case. */
@Service
public class PushTemplates {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}");
    private static final String COLUMNS = "id, name, content::text as content, created_at, updated_at";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TenantDatabase database;

    public PushTemplates(TenantDatabase database) {
        this.database = database;
    }

    /** A template as a client sends it. */
    public record TemplateRequest(String name, PushRequest.NotificationFields notification, JsonNode overrides) {
    }

    public PushTemplate create(AppRef app, TemplateRequest request) {
        String name = name(request);
        PushContent content = content(request);
        TemplateId id = new TemplateId(Ids.next());
        return database.inTenant(app.tenantId(), () -> {
            try {
                database.jdbc().sql("""
                                insert into push_templates (tenant_id, app_id, id, name, content)
                                values (?, ?, ?, ?, cast(? as jsonb))""")
                        .params(app.tenantId().value(), app.appId().value(), id.value(), name,
                                JSON.writeValueAsString(content))
                        .update();
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("A template named '" + name + "' already exists in this app");
            }
            return find(app, id).orElseThrow();
        });
    }

    public PushTemplate replace(AppRef app, TemplateId id, TemplateRequest request) {
        String name = name(request);
        PushContent content = content(request);
        return database.inTenant(app.tenantId(), () -> {
            int updated;
            try {
                updated = database.jdbc().sql("""
                                update push_templates set name = ?, content = cast(? as jsonb), updated_at = now()
                                 where tenant_id = ? and app_id = ? and id = ?""")
                        .params(name, JSON.writeValueAsString(content), app.tenantId().value(),
                                app.appId().value(), id.value())
                        .update();
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("A template named '" + name + "' already exists in this app");
            }
            if (updated == 0) {
                throw DomainException.notFound("Template");
            }
            return find(app, id).orElseThrow();
        });
    }

    public PushTemplate get(AppRef app, TemplateId id) {
        return database.inTenant(app.tenantId(), () -> find(app, id).orElseThrow(() -> DomainException.notFound("Template")));
    }

    public Page<PushTemplate> list(AppRef app, Page.Request request) {
        UUID after = request.after().map(Page.Request::uuidKey).orElse(null);
        return database.inTenant(app.tenantId(), () -> Page.of(database.jdbc().sql("""
                        select %s from push_templates
                         where tenant_id = :tenant and app_id = :app and (cast(:after as uuid) is null or id > cast(:after as uuid))
                         order by id limit :limit""".formatted(COLUMNS))
                .param("tenant", app.tenantId().value())
                .param("app", app.appId().value())
                .param("after", after)
                .param("limit", request.limit() + 1)
                .query(PushTemplates::template)
                .list(), request.limit(), template -> template.id().toString()));
    }

    public void delete(AppRef app, TemplateId id) {
        database.runInTenant(app.tenantId(), () -> {
            int deleted = database.jdbc().sql("delete from push_templates where tenant_id = ? and app_id = ? and id = ?")
                    .params(app.tenantId().value(), app.appId().value(), id.value())
                    .update();
            if (deleted == 0) {
                throw DomainException.notFound("Template");
            }
        });
    }

    /** The template, inside a tenant transaction (a job that names it reads it so). */
    public Optional<PushTemplate> find(AppRef app, TemplateId id) {
        return database.jdbc().sql("select " + COLUMNS + " from push_templates where tenant_id = ? and app_id = ? and id = ?")
                .params(app.tenantId().value(), app.appId().value(), id.value())
                .query(PushTemplates::template)
                .optional();
    }

    private static String name(TemplateRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw DomainException.invalid("name must be 1 to 100 letters, digits, spaces, '.', '_' or '-', starting "
                    + "with a letter or digit");
        }
        return name;
    }

    private static PushContent content(TemplateRequest request) {
        PushRequest.NotificationFields fields = request.notification();
        if (fields == null) {
            throw DomainException.invalid("notification is required: {title, body, data, ...} with {{variables}}");
        }
        return PushContent.check("notification", fields.title(), fields.body(), fields.data(), fields.badge(),
                fields.sound(), fields.image(), request.overrides());
    }

    private static PushTemplate template(ResultSet rs, int row) throws SQLException {
        PushContent content = JSON.readValue(rs.getString("content"), PushContent.class);
        return new PushTemplate(new TemplateId(rs.getObject("id", UUID.class)), rs.getString("name"), content,
                content.variables(), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
