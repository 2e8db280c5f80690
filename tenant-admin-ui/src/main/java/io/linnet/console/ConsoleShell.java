package io.linnet.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every console view lives in: the Lumo theme and the console's own small stylesheet
 * ({@code META-INF/resources/styles.css}). Plain CSS only, since the console has no front-end build.
 * The name {@code styles.css} matters: it is one of the static paths Vaadin's security configuration
 * lets through before sign-in, so the sign-in page is styled too. The same holds for the icons: {@code favicon.ico}
 * (for whatever asks for it by that name) and {@code icons/linnet.svg}, which every page names as its icon.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class ConsoleShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/linnet.svg", "any");
    }
}
