package org.licentia.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR the build produced, deployed whole. */
final class Deployments {

    private Deployments() {}

    static EnterpriseArchive licentiaEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("licentia.it.ear")));
    }
}
