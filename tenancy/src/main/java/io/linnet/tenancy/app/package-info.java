/** Apps: the products or environments a tenant runs on Linnet, each with its own keys and data. Part of the kernel's API: a named interface every module may use. */
@NamedInterface("app")
package io.linnet.tenancy.app;

import org.springframework.modulith.NamedInterface;
