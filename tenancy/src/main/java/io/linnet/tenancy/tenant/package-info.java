/** Tenants: the customer organisations that own apps, and their lifecycle (active, suspended). */
package io.linnet.tenancy.tenant;
