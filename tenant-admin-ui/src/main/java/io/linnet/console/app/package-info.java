/** A tenant's apps: list, create, rename, delete. */
package io.linnet.console.app;
