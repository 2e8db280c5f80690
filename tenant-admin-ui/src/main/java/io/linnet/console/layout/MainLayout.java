package io.linnet.console.layout;

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
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import io.linnet.console.session.SignedInAccount;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.tenant.TenantManagement;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in view: a side menu built from the views' {@code @Menu}
 * annotations (filtered by what the signed-in role may open, so adding a view never edits this
 * class), and a header that says who is signed in, with which role, in which tenant.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(SignedInAccount signedIn, TenantManagement tenants) {
        addClassName("main-layout");
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), new Scroller(menu()));
        addToNavbar(new DrawerToggle(), account(signedIn, tenants));
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
