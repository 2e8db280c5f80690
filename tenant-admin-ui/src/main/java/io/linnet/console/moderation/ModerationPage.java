package io.linnet.console.moderation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.linnet.console.app.AppPicker;
import io.linnet.console.component.ViewHeader;
import io.linnet.tenancy.app.App;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The top of each moderation page: the title, the app picker, and tabs to the same app's other
 * moderation pages. Each page is a route of its own ({@code moderation/queue/<appId>}), so every
 * one can be linked to and reloaded.
 */
enum ModerationPage {
    QUEUE("Review queue", ReviewQueueView.class, "Messages a flag rule caught or users reported, and the last 30 days "
            + "at a glance. Approve or recall them, and mute or ban their senders."),
    RULES("Rules", RulesView.class, "Keywords and regular expressions that block, mask or flag messages as they are "
            + "sent, and the app's own pre-send hook."),
    RESTRICTIONS("Mutes and bans", RestrictionsView.class, "Who may not send in this app (muted) or may not use it at "
            + "all (banned), why, and for how long.");

    private final String title;
    private final Class<? extends Component> route;
    private final String description;

    ModerationPage(String title, Class<? extends Component> route, String description) {
        this.title = title;
        this.route = route;
        this.description = description;
    }

    /** Starts {@code page} afresh with the header, the picker and the tabs; answers the app the address names. */
    Optional<App> begin(VerticalLayout page, BeforeEnterEvent event, List<App> apps) {
        page.removeAll();
        page.add(new ViewHeader("Moderation", description));
        Optional<App> chosen = AppPicker.addTo(page, apps, event, route, "moderation-app",
                "Moderation belongs to an app: create one first.", "Choose an app to moderate.");
        chosen.ifPresent(app -> page.add(tabs(app)));
        return chosen;
    }

    private Tabs tabs(App app) {
        Tabs tabs = new Tabs();
        tabs.setId("moderation-tabs");
        tabs.setWidthFull();
        for (ModerationPage page : values()) {
            Tab tab = new Tab(new RouterLink(page.title, page.route, new RouteParameters("appId", app.id().toString())));
            tab.setId("tab-" + page.name().toLowerCase(Locale.ROOT));
            tabs.add(tab);
            if (page == this) {
                tabs.setSelectedTab(tab);
            }
        }
        return tabs;
    }
}
