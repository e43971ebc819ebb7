package vn.phendau.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import vn.phendau.common.Text;

/** The page a reviewer sees for a rule, report or list that is not there (the API answers problem+json instead). */
@CheckedTemplate(basePath = "ErrorPages")
public class ErrorPages {

    public static native TemplateInstance notFound(Page page, Text message);
}
