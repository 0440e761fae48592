package org.licentia.web.soap;

import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;

/**
 * Request-key licensing over SOAP with MTOM: the same operations as {@link LicenseFileEndpoint},
 * with the license file as a binary XOP part both ways. {@link SoapRequestGuard} checks an MTOM
 * request's XML part as strictly as a plain request before the SOAP stack sees it.
 */
@WebService(
        serviceName = "LicenseFileMtomService",
        portName = "LicenseFileMtomPort",
        targetNamespace = "http://licentia.org/licensing/v1",
        endpointInterface = "org.licentia.ws.licensing.v1.LicenseFilePort",
        wsdlLocation = "WEB-INF/wsdl/licensing-v1.wsdl")
@HandlerChain(file = "handlers.xml")
@MTOM(threshold = 1024)
public class LicenseFileMtomEndpoint extends LicenseFileEndpoint {}
