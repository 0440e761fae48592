package org.licentia.it;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests of the publisher (the failsafe execution's server) together with an on-prem instance of
 * its own ({@link OnPrem}): both run the build's EAR, and the instance is started before each test
 * unless it runs already.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class WithOnPremInstance {

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(testable = false)
    static EnterpriseArchive publisher() {
        return Deployments.licentiaEar();
    }

    @Deployment(name = OnPrem.DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(OnPrem.CONTAINER)
    static EnterpriseArchive onPrem() {
        return Deployments.licentiaEar();
    }

    /** Runs before the test class's own set-up (JUnit runs a superclass's first). */
    @BeforeEach
    void instanceStarted() {
        OnPrem.running(controller, deployer);
    }
}
