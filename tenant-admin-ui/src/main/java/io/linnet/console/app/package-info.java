/** A tenant's apps: list, create, rename, delete; and the app picker of the pages that show one app at a time. */
package io.linnet.console.app;
