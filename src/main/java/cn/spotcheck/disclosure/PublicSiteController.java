package cn.spotcheck.disclosure;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public site's front page: what has been published, readable by anyone without logging in. */
@Controller
class PublicSiteController {

    @GetMapping({"/public", "/public/"})
    String index() {
        return "public/index";
    }
}
