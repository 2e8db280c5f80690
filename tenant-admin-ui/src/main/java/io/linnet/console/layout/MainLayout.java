package io.linnet.console.layout;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import io.linnet.billing.Billing;
import io.linnet.billing.BillingOverview;
import io.linnet.console.billing.BillingView;
import io.linnet.console.billing.QuotaBanner;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.tenant.TenantManagement;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in view: a side menu built from the views' {@code @Menu}
 * annotations (filtered by what the signed-in role may open, so adding a view never edits this
 * class), a header that says who is signed in, with which role, in which tenant, and above the view,
 * for members who may see billing, a banner when a quota of the tenant's plan is reached this period.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final SignedInAccount signedIn;
    private final Billing billing;
    /** The view with the quota banner above it. */
    private final Div page = new Div();
    private final Div banner = new Div();

    public MainLayout(SignedInAccount signedIn, TenantManagement tenants, Billing billing) {
        this.signedIn = signedIn;
        this.billing = billing;
        addClassName("main-layout");
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(menu()));
        addToNavbar(new DrawerToggle(), account(signedIn, tenants));
        page.addClassName("main-page");
        banner.addClassName("main-banner");
        banner.setVisible(false);
        page.add(banner);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        page.getChildren().filter(child -> child != banner).toList().forEach(page::remove);
        if (content != null) {
            page.getElement().appendChild(content.getElement());
        }
        super.showRouterLayoutContent(page);
    }

    /**
     * Each navigation asks once how the tenant stands against its quotas, for members who may see
     * billing; the Billing page says it itself, so there the frame does not ask.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        banner.removeAll();
        banner.setVisible(false);
        boolean onBillingPage = event.getActiveChain().stream().anyMatch(BillingView.class::isInstance);
        if (onBillingPage || !(signedIn.actor() instanceof Actor.Member member) || !signedIn.may(Permission.BILLING)) {
            return;
        }
        try {
            BillingOverview overview = billing.overview(member);
            if (QuotaBanner.applies(overview)) {
                banner.add(new QuotaBanner(overview, true));
                banner.setVisible(true);
            }
        } catch (DomainException unavailable) {
            // the banner is a courtesy: a page must not fail because billing could not be read
        }
    }

    private static Div brand() {
        Span name = new Span("Linnet");
        name.addClassName("brand-name");
        Span tagline = new Span("console");
        tagline.addClassName("brand-tagline");
        Div brand = new Div(name, tagline);
        brand.addClassName("brand");
        return brand;
    }

    private static SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        nav.addClassName("main-menu");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private static SideNavItem item(MenuEntry entry) {
        return entry.icon() == null || entry.icon().isBlank()
                ? new SideNavItem(entry.title(), entry.path())
                : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
    }

    private static HorizontalLayout account(SignedInAccount signedIn, TenantManagement tenants) {
        Actor actor = signedIn.actor();
        String where = switch (actor) {
            case Actor.Member member -> tenants.own(member).name();
            case Actor.Operator operator -> "Platform";
        };
        String role = signedIn.user().role().name();

        Span email = new Span(actor.email());
        email.setId("signed-in-email");
        email.addClassName("signed-in-email");
        Span roleBadge = new Span(role);
        roleBadge.setId("signed-in-role");
        roleBadge.getElement().getThemeList().add("badge contrast");
        Span tenant = new Span(where);
        tenant.setId("signed-in-tenant");
        tenant.addClassName("signed-in-tenant");

        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), event -> signedIn.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(tenant, email, roleBadge, signOut);
        header.addClassName("account-header");
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return header;
    }
}
