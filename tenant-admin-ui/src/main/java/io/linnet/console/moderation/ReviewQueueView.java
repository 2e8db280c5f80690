package io.linnet.console.moderation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.PagedGrid;
import io.linnet.console.component.Times;
import io.linnet.console.session.SignedInAccount;
import io.linnet.messaging.UserId;
import io.linnet.moderation.ModerationCounts;
import io.linnet.moderation.Restrictions;
import io.linnet.moderation.ReviewItem;
import io.linnet.moderation.ReviewQueue;
import io.linnet.moderation.ReviewStatus;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One app's review queue: the last 30 days' counts on top, then the messages a flag rule caught
 * or users reported, filtered by status, source and sender, decided one by one (each opened in
 * its context) or many at once; and their senders muted or banned from there.
 */
@Route("moderation/queue/:appId?")
@PageTitle("Moderation · Linnet")
@Menu(title = "Moderation", order = 17, icon = "vaadin:shield")
@RolesAllowed({"OWNER", "ADMIN", "MODERATOR"})
public class ReviewQueueView extends VerticalLayout implements BeforeEnterObserver {

    static final int CHART_DAYS = 30;

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final ReviewQueue queue;
    private final ModerationCounts counts;
    private final Restrictions restrictions;
    private final Select<ReviewStatus> status = new Select<>();
    private final Select<ReviewQueue.Source> source = new Select<>();
    private final TextField sender = new TextField("Sender");
    private final Button approveSelected = new Button("Approve", VaadinIcon.CHECK.create());
    private final Button recallSelected = new Button("Recall", VaadinIcon.TRASH.create());
    private AppId app;
    private PagedGrid<ReviewItem> list;

    public ReviewQueueView(SignedInAccount signedIn, AppManagement apps, ReviewQueue queue, ModerationCounts counts,
                           Restrictions restrictions) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.queue = queue;
        this.counts = counts;
        this.restrictions = restrictions;
        addClassName("console-view");

        status.setId("queue-status");
        status.setLabel("Status");
        status.setItems(ReviewStatus.values());
        // with an empty choice allowed, the select asks for the label of null too
        status.setItemLabelGenerator(s -> s == null ? "All" : ReviewSummary.statusLabel(s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        status.setWidth("10rem");
        status.setValue(ReviewStatus.OPEN);
        source.setId("queue-source");
        source.setLabel("Why");
        source.setItems(ReviewQueue.Source.values());
        source.setItemLabelGenerator(s -> s == null ? "Flag or report"
                : s == ReviewQueue.Source.FLAG ? "Flagged by a rule" : "Reported by users");
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption("Flag or report");
        source.setWidth("12rem");
        sender.setId("queue-sender");
        sender.setPlaceholder("Any user id");
        sender.setClearButtonVisible(true);
        sender.setWidth("11rem");
        approveSelected.setId("approve-selected");
        recallSelected.setId("recall-selected");
        recallSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        status.addValueChangeListener(event -> list.reload());
        source.addValueChangeListener(event -> list.reload());
        sender.addValueChangeListener(event -> list.reload());
        approveSelected.addClickListener(event -> decide(List.copyOf(list.grid().getSelectedItems()),
                ReviewQueue.Decision.APPROVE, () -> { }));
        recallSelected.addClickListener(event -> decide(List.copyOf(list.grid().getSelectedItems()),
                ReviewQueue.Decision.RECALL, () -> { }));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ModerationPage.QUEUE.begin(this, event, apps.list(signedIn.member(), Page.Request.first(Page.MAX_LIMIT)).items())
                .ifPresent(this::show);
    }

    private void show(App chosen) {
        app = chosen.id();
        Feedback.attempt(() -> counts.daily(signedIn.member(), app, CHART_DAYS))
                .ifPresent(days -> add(new DailyCountsChart(days)));

        Button refresh = new Button(VaadinIcon.REFRESH.create(), event -> list.reload());
        refresh.setId("queue-refresh");
        refresh.setAriaLabel("Refresh");
        refresh.setTooltipText("Refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Span selected = new Span();
        selected.addClassName("selection-hint");
        HorizontalLayout toolbar = new HorizontalLayout(status, source, sender, refresh, selected, approveSelected,
                recallSelected);
        toolbar.addClassName("moderation-toolbar");
        toolbar.setWidthFull();
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.expand(selected);

        list = new PagedGrid<>(ReviewItem.class, request -> queue.list(signedIn.member(), app, filter(), request),
                new EmptyState("Nothing to review", "Messages a flag rule catches and messages users report wait here "
                        + "for a decision. Choose another status to see decided ones."));
        Grid<ReviewItem> grid = list.grid();
        grid.setId("review-queue");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(item -> Times.format(item.sentAt())).setHeader("Sent (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> item.senderId().value()).setHeader("Sender").setWidth("7rem").setFlexGrow(1)
                .setPartNameGenerator(item -> "wrap-anywhere");
        grid.addColumn(ReviewSummary::preview).setHeader("Message").setWidth("14rem").setFlexGrow(4);
        grid.addColumn(ReviewSummary::why).setHeader("Why").setWidth("10rem").setFlexGrow(3);
        grid.addComponentColumn(ReviewSummary::statusBadge).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(item -> {
            Button review = new Button("Review", event -> openReview(item));
            review.setId("review-" + item.messageId());
            review.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return review;
        }).setHeader("").setWidth("6.5rem").setFlexGrow(0);
        grid.addItemDoubleClickListener(event -> openReview(event.getItem()));
        grid.addSelectionListener(event -> selectionChanged(event.getAllSelectedItems(), selected));
        selectionChanged(Set.of(), selected);
        add(toolbar, list);
        list.reload();
    }

    private ReviewQueue.Filter filter() {
        String senderId = sender.getValue().strip();
        return new ReviewQueue.Filter(status.getValue(), source.getValue(),
                senderId.isEmpty() ? null : UserId.of(senderId), null);
    }

    private void selectionChanged(Set<ReviewItem> items, Span hint) {
        approveSelected.setEnabled(!items.isEmpty());
        recallSelected.setEnabled(!items.isEmpty());
        hint.setText(items.isEmpty() ? "" : items.size() + " selected");
    }

    private void openReview(ReviewItem item) {
        Feedback.attempt(() -> queue.get(signedIn.member(), app, item.messageId().toString())).ifPresent(inContext -> {
            ReviewItem current = inContext.item();
            ReviewDialog dialog = new ReviewDialog(inContext);
            MuteOrBan muteOrBan = new MuteOrBan(restrictions, signedIn, app, () -> { });
            Button mute = new Button("Mute sender", VaadinIcon.MICROPHONE.create(),
                    event -> muteOrBan.muteSender(current.senderId(), current.conversationId()).open());
            mute.setId("review-mute");
            Button ban = new Button("Ban sender", VaadinIcon.BAN.create(), event -> muteOrBan.banSender(current.senderId()).open());
            ban.setId("review-ban");
            ban.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            Button close = new Button("Close", event -> dialog.close());
            close.setId("review-close");
            Span gap = new Span();
            gap.addClassName("footer-gap");
            dialog.getFooter().add(mute, ban, gap, close);
            if (current.status() == ReviewStatus.OPEN) {
                Button approve = new Button("Approve", VaadinIcon.CHECK.create(),
                        event -> decide(List.of(current), ReviewQueue.Decision.APPROVE, dialog::close));
                approve.setId("review-approve");
                dialog.getFooter().add(approve);
            }
            if (current.status() != ReviewStatus.RECALLED) {
                Button recall = new Button("Recall", VaadinIcon.TRASH.create(),
                        event -> decide(List.of(current), ReviewQueue.Decision.RECALL, dialog::close));
                recall.setId("review-recall");
                recall.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
                dialog.getFooter().add(recall);
            }
            dialog.open();
        });
    }

    /** Asks for the reason, then approves or recalls {@code items}; {@code after} runs once they are decided. */
    private void decide(List<ReviewItem> items, ReviewQueue.Decision decision, Runnable after) {
        boolean recall = decision == ReviewQueue.Decision.RECALL;
        String what = items.size() == 1 ? "this message" : items.size() + " messages";
        new ReasonDialog(recall ? "recall" : "approve", (recall ? "Recall " : "Approve ") + what + "?", recall
                ? "Recalling erases the text for everyone: every member's devices are told at once, and the conversation "
                + "shows it as recalled. This cannot be undone."
                : "Approving leaves the message as it is and takes it off the open queue. A new report opens it again.",
                recall ? "Recall" : "Approve", recall, reason -> {
            List<ReviewItem> decided = queue.decide(signedIn.member(), app,
                    items.stream().map(item -> item.messageId().toString()).toList(),
                    decision.name().toLowerCase(Locale.ROOT), reason);
            Feedback.success((decided.size() == 1 ? "1 message" : decided.size() + " messages")
                    + (recall ? " recalled" : " approved"));
            list.reload();
            after.run();
        }).open();
    }
}
