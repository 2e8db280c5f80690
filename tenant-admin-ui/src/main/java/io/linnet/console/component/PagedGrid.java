package io.linnet.console.component;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import io.linnet.tenancy.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A grid over one of the services' cursor-paged lists: it shows the first page, a "Load more"
 * button while more follow, and an empty state instead of an empty grid. Column widths are measured
 * again whenever the rows change (an auto-width column measured on an empty grid clips "MODERATOR"),
 * and on a narrow window (a phone) the columns marked secondary step aside so that the rest, and the
 * row's actions, fit without scrolling sideways.
 */
public class PagedGrid<T> extends Composite<VerticalLayout> {

    public static final int PAGE_SIZE = 50;
    /** Below this window width (CSS pixels) secondary columns are hidden: a 412 px phone has no room for them. */
    static final int NARROW_WIDTH = 700;
    private static final String NARROW_ACTIONS_WIDTH = "8.5rem";

    private final Grid<T> grid;
    private final Function<Page.Request, Page<T>> source;
    private final Component emptyState;
    private final Button more = new Button("Load more");
    private final List<T> items = new ArrayList<>();
    private Optional<String> nextCursor = Optional.empty();
    private final List<Grid.Column<T>> secondary = new ArrayList<>();
    private Registration resizing;
    private Grid.Column<T> actions;
    private String actionsWidth;

    public PagedGrid(Class<T> type, Function<Page.Request, Page<T>> source, Component emptyState) {
        this.grid = new Grid<>(type, false);
        this.source = source;
        this.emptyState = emptyState;
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        more.setId("load-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(event -> loadMore());
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.add(grid, more, emptyState);
    }

    public Grid<T> grid() {
        return grid;
    }

    /** Marks columns that can go on a narrow window; the others and the actions stay. */
    @SafeVarargs
    public final PagedGrid<T> secondary(Grid.Column<T>... columns) {
        secondary.addAll(List.of(columns));
        return this;
    }

    /**
     * Marks the column of the row's buttons: it stays at the grid's right edge while the rest scrolls, and on a narrow
     * window it narrows so that its buttons stack (styles.css lets them wrap).
     */
    public PagedGrid<T> actions(Grid.Column<T> column) {
        actions = column;
        actionsWidth = column.getWidth();
        column.setFrozenToEnd(true);
        return this;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        com.vaadin.flow.component.page.Page page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fit(details.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(resized -> fit(resized.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resizing != null) {
            resizing.remove();
            resizing = null;
        }
    }

    private void fit(int windowWidth) {
        boolean narrow = windowWidth > 0 && windowWidth < NARROW_WIDTH;
        secondary.forEach(column -> column.setVisible(!narrow));
        if (actions != null) {
            actions.setWidth(narrow ? NARROW_ACTIONS_WIDTH : actionsWidth);
        }
        grid.recalculateColumnWidths();
    }

    /** Loads the list again from its first page, e.g. after a change. */
    public void reload() {
        Feedback.attempt(() -> source.apply(Page.Request.first(PAGE_SIZE))).ifPresent(page -> {
            items.clear();
            show(page);
        });
    }

    private void loadMore() {
        nextCursor.ifPresent(cursor -> Feedback.attempt(() -> source.apply(Page.Request.of(PAGE_SIZE, cursor)))
                .ifPresent(this::show));
    }

    private void show(Page<T> page) {
        items.addAll(page.items());
        nextCursor = page.nextCursor();
        grid.setItems(List.copyOf(items));
        grid.recalculateColumnWidths();
        grid.setVisible(!items.isEmpty());
        emptyState.setVisible(items.isEmpty());
        more.setVisible(nextCursor.isPresent());
    }

    /** For lists the services answer whole, such as an app's few keys. */
    public static <T> Function<Page.Request, Page<T>> whole(java.util.function.Supplier<List<T>> all) {
        return request -> new Page<>(all.get(), Optional.empty());
    }
}
