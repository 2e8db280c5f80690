/** Apps: the products or environments a tenant runs on Linnet, each with its own keys and data. */
package io.linnet.tenancy.app;
