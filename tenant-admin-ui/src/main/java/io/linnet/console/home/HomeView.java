package io.linnet.console.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.linnet.console.app.AppsView;
import io.linnet.console.session.SignedInAccount;
import io.linnet.console.tenant.TenantsView;
import io.linnet.tenancy.Actor;
import jakarta.annotation.security.PermitAll;

/** The console's address: operators start at their tenants, members at their tenant's apps. */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final SignedInAccount signedIn;

    public HomeView(SignedInAccount signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        switch (signedIn.actor()) {
            case Actor.Operator operator -> event.forwardTo(TenantsView.class);
            case Actor.Member member -> event.forwardTo(AppsView.class);
        }
    }
}
