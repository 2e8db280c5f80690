package io.linnet.messaging.user;

import io.linnet.messaging.EndUser;
import io.linnet.messaging.UserManagement;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/users?query=&cursor=&limit=}: the app's users whose id starts with the query, whose
 * name contains it or who carry it as a tag, paged by user id (scope {@code users}).
 */
@RestController
class UserSearchController {

    private final UserManagement users;

    UserSearchController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/v1/users")
    Page<EndUser> search(AppCaller caller, @RequestParam(required = false) String query,
                         @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        caller.require(UserController.SCOPE);
        return users.search(AppRef.of(caller), query, Page.Request.of(limit, cursor));
    }
}
