package io.linnet.console.moderation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.session.SignedInAccount;
import io.linnet.moderation.ModerationRules;
import io.linnet.moderation.PreSendHookConfig;
import io.linnet.moderation.Rule;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One app's moderation rules: the list with create, edit, delete, and a rule's terms imported from
 * or exported to a text file; beside it the "try a text" box that shows live what the rules do, and
 * the app's pre-send hook.
 */
@Route("moderation/rules/:appId?")
@PageTitle("Moderation rules · Linnet")
@RolesAllowed({"OWNER", "ADMIN", "MODERATOR"})
public class RulesView extends VerticalLayout implements BeforeEnterObserver {

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final ModerationRules rules;
    private final PreSendHookConfig hooks;
    private AppId app;
    private PagedGrid<Rule> list;
    private TryText tryText;

    public RulesView(SignedInAccount signedIn, AppManagement apps, ModerationRules rules, PreSendHookConfig hooks) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.rules = rules;
        this.hooks = hooks;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ModerationPage.RULES.begin(this, event, apps.list(signedIn.member(), Page.Request.first(Page.MAX_LIMIT)).items())
                .ifPresent(this::show);
    }

    private void show(App chosen) {
        app = chosen.id();
        Button create = new Button("New rule", VaadinIcon.PLUS.create(), event -> openEditor(null));
        create.setId("new-rule");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        H3 title = new H3("Rules");
        HorizontalLayout heading = new HorizontalLayout(title, create);
        heading.addClassName("section-heading");
        heading.setWidthFull();
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        heading.expand(title);

        Button first = new Button("Create the first rule", event -> openEditor(null));
        first.setId("new-first-rule");
        first.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        list = new PagedGrid<>(Rule.class, PagedGrid.whole(() -> rules.list(signedIn.member(), app)),
                new EmptyState("No rules yet", "Messages go out as they are sent. Add keywords or regular expressions "
                        + "that block, mask or flag messages; at most " + ModerationRules.MAX_RULES + " rules per app.", first));
        list.grid().setId("rules");
        list.grid().addColumn(Rule::name).setHeader("Name").setWidth("10rem").setFlexGrow(3);
        list.grid().addColumn(rule -> RuleLabels.kind(rule.kind())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        list.grid().addComponentColumn(rule -> RuleLabels.badge(RuleLabels.action(rule.action()), rule.action()))
                .setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        list.grid().addColumn(rule -> RuleLabels.scope(rule.scope())).setHeader("Applies to").setAutoWidth(true)
                .setFlexGrow(0);
        list.grid().addComponentColumn(RulesView::enabled).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        list.grid().addColumn(rule -> rule.terms().size()).setHeader("Terms").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(rule -> "numeric-cell");
        list.grid().addComponentColumn(this::actions).setHeader("").setWidth("20rem").setFlexGrow(0);

        tryText = new TryText((text, type) -> rules.tryText(signedIn.member(), app, text, type));
        Div columns = new Div(tryText, new HookForm(hooks, signedIn, app));
        columns.addClassName("moderation-columns");
        add(heading, list, columns);
        list.reload();
    }

    private static Span enabled(Rule rule) {
        Span badge = new Span(rule.enabled() ? "On" : "Off");
        badge.getElement().getThemeList().add(rule.enabled() ? "badge success" : "badge contrast");
        return badge;
    }

    private Component actions(Rule rule) {
        Button edit = small("Edit", "edit-rule-" + rule.id());
        edit.addClickListener(event -> openEditor(rule));
        Button load = small("Import", "import-rule-" + rule.id());
        load.addClickListener(event -> new ImportTermsDialog(rule,
                (text, append) -> rules.importTerms(signedIn.member(), app, rule.id(), text, append),
                stored -> changed(stored.name() + " now has " + stored.terms().size() + " terms")).open());
        Anchor export = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] terms = rules.exportTerms(signedIn.member(), app, rule.id()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(terms), fileName(rule), "text/plain; charset=utf-8",
                    terms.length);
        }), AttachmentType.DOWNLOAD, "Export");
        export.setId("export-rule-" + rule.id());
        export.addClassName("grid-link");
        Button delete = small("Delete", "delete-rule-" + rule.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(event -> confirmDelete(rule));
        HorizontalLayout actions = new HorizontalLayout(edit, load, export, delete);
        actions.setSpacing(false);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return actions;
    }

    private static Button small(String text, String id) {
        Button button = new Button(text);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** The rule's name as a file name: "Contact details" gives "contact-details.txt". */
    static String fileName(Rule rule) {
        String base = rule.name().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("^-|-$", "");
        return (base.isEmpty() ? "terms" : base) + ".txt";
    }

    private void openEditor(Rule existing) {
        new RuleDialog(existing, draft -> existing == null
                ? rules.create(signedIn.member(), app, draft)
                : rules.update(signedIn.member(), app, existing.id(), draft),
                saved -> changed(saved.name() + (existing == null ? " is created" : " is saved"))).open();
    }

    private void confirmDelete(Rule rule) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-rule");
        confirm.setHeader("Delete " + rule.name() + "?");
        confirm.setText("Its " + rule.terms().size() + " terms stop applying to new messages at once. Export them first "
                + "to keep them.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete rule");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            if (Feedback.succeeded(() -> rules.delete(signedIn.member(), app, rule.id()))) {
                changed(rule.name() + " is deleted");
            }
        });
        confirm.open();
    }

    private void changed(String message) {
        Feedback.success(message);
        list.reload();
        tryText.refresh();
    }
}
