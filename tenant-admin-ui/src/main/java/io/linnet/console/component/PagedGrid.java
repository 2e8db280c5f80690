package io.linnet.console.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.linnet.tenancy.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A grid over one of the services' cursor-paged lists: it shows the first page, a "Load more"
 * button while more follow, and an empty state instead of an empty grid.
 */
public class PagedGrid<T> extends Composite<VerticalLayout> {

    public static final int PAGE_SIZE = 50;

    private final Grid<T> grid;
    private final Function<Page.Request, Page<T>> source;
    private final Component emptyState;
    private final Button more = new Button("Load more");
    private final List<T> items = new ArrayList<>();
    private Optional<String> nextCursor = Optional.empty();

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
        grid.setVisible(!items.isEmpty());
        emptyState.setVisible(items.isEmpty());
        more.setVisible(nextCursor.isPresent());
    }

    /** For lists the services answer whole, such as an app's few keys. */
    public static <T> Function<Page.Request, Page<T>> whole(java.util.function.Supplier<List<T>> all) {
        return request -> new Page<>(all.get(), Optional.empty());
    }
}
