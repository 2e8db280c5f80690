package io.linnet.billing.invoice;

import io.linnet.billing.BillingSettings;
import io.linnet.tenancy.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Every node looks for ended periods every {@code linnet.billing.close-interval}; the invoice book makes sure each is closed once. */
@Component
class PeriodClose extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(PeriodClose.class);

    private final InvoiceBook invoices;
    private final BillingSettings settings;

    PeriodClose(InvoiceBook invoices, BillingSettings settings) {
        super("billing-period-close");
        this.invoices = invoices;
        this.settings = settings;
    }

    @Override
    protected Duration interval() {
        return settings.closeInterval();
    }

    @Override
    protected void runOnce() {
        int written = invoices.closeEndedPeriods();
        if (written > 0) {
            log.info("Closed {} billing period(s) into draft invoices", written);
        }
    }
}
