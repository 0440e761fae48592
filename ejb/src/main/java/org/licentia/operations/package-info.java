/** What operators watch, on the publisher and on the instance alike: the figures at :9990/metrics. */
package org.licentia.operations;
