package cn.spotcheck.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the bureau on every page, for the layout's footer. */
@ControllerAdvice(annotations = Controller.class)
class BureauOnPages {

    private final Bureau bureau;

    BureauOnPages(Bureau bureau) {
        this.bureau = bureau;
    }

    @ModelAttribute("bureau")
    Bureau bureau() {
        return bureau;
    }
}
