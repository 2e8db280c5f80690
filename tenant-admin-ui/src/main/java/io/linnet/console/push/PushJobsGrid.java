package io.linnet.console.push;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.linnet.console.component.EmptyState;
import io.linnet.console.component.Times;
import io.linnet.push.PushJob;
import io.linnet.tenancy.Page;

import java.util.List;
import java.util.function.Supplier;

/**
 * An app's latest push jobs with their state and counts. The view refreshes it on every poll, so the counts move
 * while a push is being sent.
 */
class PushJobsGrid extends Composite<VerticalLayout> {

    static final int SHOWN = 50;

    private final Grid<PushJob> grid = new Grid<>(PushJob.class, false);
    private final EmptyState empty = new EmptyState("No pushes yet",
            "Pushes sent through the API (POST /v1/push), offline chat notifications and test pushes from this page "
                    + "appear here with their delivery counts.");
    private final Supplier<Page<PushJob>> source;

    PushJobsGrid(Supplier<Page<PushJob>> source) {
        this.source = source;
        grid.setId("push-jobs");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(job -> Times.format(job.createdAt())).setHeader("Created (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(PushJobSummary::stateBadge).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(job -> job.origin().wireName()).setHeader("From").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PushJobSummary::target).setHeader("To").setWidth("8rem").setFlexGrow(2)
                .setPartNameGenerator(job -> "wrap-anywhere");
        grid.addColumn(PushJobSummary::title).setHeader("Notification").setWidth("8rem").setFlexGrow(2);
        grid.addColumn(job -> job.counts().targeted()).setHeader("Devices").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(job -> job.counts().queued()).setHeader("Queued").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(job -> job.counts().delivered()).setHeader("Delivered").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(job -> job.counts().failed() == 0 ? "0" : job.counts().failed() + ": " + PushJobSummary.failures(job))
                .setHeader("Failed (why)").setWidth("7rem").setFlexGrow(1).setPartNameGenerator(job -> "wrap-anywhere");
        grid.addColumn(job -> job.counts().opened()).setHeader("Opened").setAutoWidth(true).setFlexGrow(0);
        empty.setId("push-jobs-empty");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.add(grid, empty);
    }

    /** Reads the latest jobs again; the grid keeps its place when nothing changed. */
    void refresh() {
        List<PushJob> jobs = source.get().items();
        grid.setItems(jobs);
        grid.setVisible(!jobs.isEmpty());
        empty.setVisible(jobs.isEmpty());
    }
}
