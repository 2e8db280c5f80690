package io.linnet.console.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import io.linnet.console.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address in the console that leads to no page, e.g. a mistyped or outdated link, shown inside the console's frame. */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Linnet")
@PermitAll
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return show("There is no page here",
                "The address /" + event.getLocation().getPath() + " leads to no page of the console. "
                        + "The link may be mistyped or out of date; the menu on the left lists the pages you can open.",
                HttpServletResponse.SC_NOT_FOUND);
    }
}
