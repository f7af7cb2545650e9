package nl.jobcoachmonitor.export;

import nl.jobcoachmonitor.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The number of research export projects waiting for the manager's approval, for the badge next to
 * <i>Onderzoeksexports</i> in the navigation of every page (one count query, for managers only).
 */
@ControllerAdvice(annotations = Controller.class)
class ApprovalsBadge {

    private final ExportManagement exports;

    ApprovalsBadge(ExportManagement exports) {
        this.exports = exports;
    }

    @ModelAttribute("waitingApprovals")
    Long waitingApprovals(@AuthenticationPrincipal Object principal) {
        return principal instanceof CurrentUser user && user.isManager() ? exports.waitingForApproval(user) : null;
    }
}
