package io.linnet.console.push;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import io.linnet.console.app.AppPicker;
import io.linnet.console.component.Feedback;
import io.linnet.console.component.ViewHeader;
import io.linnet.console.session.SignedInAccount;
import io.linnet.push.Devices;
import io.linnet.push.NewPush;
import io.linnet.push.OfflinePushPolicies;
import io.linnet.push.OfflinePushPolicy;
import io.linnet.push.PushJob;
import io.linnet.push.PushJobs;
import io.linnet.push.PushSettings;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.app.App;
import io.linnet.tenancy.app.AppManagement;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * Push for one app at a time: its latest pushes with live state and counts (the page polls every two seconds), a
 * form that sends a test push to a user or a device, the look-up of a user's devices, and (for members who may
 * change apps) what offline chat notifications show.
 */
@Route("push/:appId?")
@PageTitle("Push · Linnet")
@Menu(title = "Push", order = 15, icon = "vaadin:paperplane")
@RolesAllowed({"OWNER", "ADMIN", "DEVELOPER"})
public class PushView extends VerticalLayout implements BeforeEnterObserver {

    static final int POLL_MILLIS = 2_000;

    private final SignedInAccount signedIn;
    private final AppManagement apps;
    private final PushJobs jobs;
    private final Devices devices;
    private final OfflinePushPolicies offlinePush;
    private final PushSettings settings;
    private PushJobsGrid jobsGrid;
    private Registration polling;

    public PushView(SignedInAccount signedIn, AppManagement apps, PushJobs jobs, Devices devices,
                    OfflinePushPolicies offlinePush, PushSettings settings) {
        this.signedIn = signedIn;
        this.apps = apps;
        this.jobs = jobs;
        this.devices = devices;
        this.offlinePush = offlinePush;
        this.settings = settings;
        addClassName("console-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        jobsGrid = null;
        add(new ViewHeader("Push", "What this app's pushes did, a test push to check its credentials, the devices "
                + "a user registered, and what notifications of chat messages show."));
        List<App> all = apps.list(signedIn.member(), Page.Request.first(Page.MAX_LIMIT)).items();
        AppPicker.addTo(this, all, event, PushView.class, "push-app", "Push belongs to an app: create one first.",
                "Choose an app to see its pushes.").ifPresent(this::show);
    }

    private void show(App app) {
        AppId appId = app.id();
        jobsGrid = new PushJobsGrid(() -> jobs.list(signedIn.member(), appId, Page.Request.first(PushJobsGrid.SHOWN)));
        TabSheet tabs = new TabSheet();
        tabs.setId("push-tabs");
        tabs.setWidthFull();
        tabs.add("Pushes", jobsGrid).setId("tab-pushes");
        if (signedIn.may(Permission.PUSH_CREDENTIALS_WRITE)) {
            tabs.add("Send a test push", new TestPushForm(request -> {
                PushJob job = jobs.sendTest(signedIn.member(), appId, NewPush.of(request, settings));
                Feedback.success("Test push queued: " + PushJobSummary.target(job));
                jobsGrid.refresh();
                tabs.setSelectedIndex(0);
            })).setId("tab-test-push");
        }
        tabs.add("Devices", new DeviceLookup(userId -> devices.ofUser(signedIn.member(), appId, userId)))
                .setId("tab-devices");
        if (signedIn.may(Permission.APPS_WRITE)) {
            Feedback.attempt(() -> offlinePush.get(signedIn.member(), appId)).ifPresent(current -> tabs.add(
                    "Offline push", new OfflinePushForm(current, policy -> saveOfflinePush(appId, policy)))
                    .setId("tab-offline-push"));
        }
        Button credentials = new Button("Push credentials", VaadinIcon.KEY.create(), click -> getUI().ifPresent(ui ->
                ui.navigate(PushCredentialsView.class, new RouteParameters("appId", appId.toString()))));
        credentials.setId("push-credentials-link");
        credentials.setTooltipText("What Linnet signs in to APNs, FCM and Web Push with for this app");
        credentials.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(credentials, tabs);
        Feedback.attempt(() -> {
            jobsGrid.refresh();
            return true;
        });
    }

    private void saveOfflinePush(AppId appId, OfflinePushPolicy policy) {
        Feedback.attempt(() -> offlinePush.put(signedIn.member(), appId, policy)).ifPresent(saved -> Feedback.success(
                "Offline push saved: " + (saved.enabled() ? OfflinePushForm.PREVIEWS.get(saved.preview()) : "off")));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> {
            if (jobsGrid != null) {
                jobsGrid.refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
