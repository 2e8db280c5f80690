package io.linnet.console.error;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import io.linnet.console.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page the signed-in role may not open (a viewer following a link to the push page, say), shown inside the
 * console's frame instead of Vaadin's bare "Could not navigate to ...".
 */
@ParentLayout(MainLayout.class)
@PageTitle("Not allowed · Linnet")
@PermitAll
public class AccessDeniedView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return show("Your role may not open this page",
                "The page /" + event.getLocation().getPath() + " is for other roles of your team. "
                        + "Ask an owner or admin of your team if you need it; the menu on the left lists the pages you can open.",
                HttpServletResponse.SC_FORBIDDEN);
    }
}
