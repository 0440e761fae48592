package org.licentia.catalog.boundary;

import org.licentia.signing.boundary.SignedDocument;

public record SignedLicense(LicenseView license, SignedDocument signed) {}
