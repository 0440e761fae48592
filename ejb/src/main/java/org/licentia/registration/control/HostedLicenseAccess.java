package org.licentia.registration.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.licentia.catalog.control.Caller;
import org.licentia.catalog.entity.Account;

/**
 * Which hosted licenses the signed-in user of this instance may see: all of them for its
 * publisher-admin, otherwise those owned by an account the user holds a role on. The account is
 * the owner name in the publisher's signed registration document.
 */
@Dependent
public class HostedLicenseAccess {

    @Inject
    Caller caller;

    public boolean seesAll() {
        return caller.isPublisherAdmin();
    }

    public <T> List<T> visible(List<T> hosted, Function<T, String> account) {
        if (seesAll()) {
            return hosted;
        }
        Set<String> mine = caller.accounts().stream().map(Account::name).collect(Collectors.toSet());
        return hosted.stream().filter(h -> mine.contains(account.apply(h))).toList();
    }
}
