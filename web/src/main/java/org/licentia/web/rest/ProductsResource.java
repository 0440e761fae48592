package org.licentia.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.licentia.catalog.boundary.ProductDraft;
import org.licentia.catalog.boundary.ProductView;
import org.licentia.catalog.boundary.Products;

@ApplicationScoped
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {

    @Inject
    Products products;

    public record ProductList(List<ProductView> items) {}

    @POST
    @Operation(operationId = "createProduct", summary = "Define a product with its editions (publisher-admin)")
    public Response create(ProductDraft draft) {
        return Response.status(Response.Status.CREATED)
                .entity(products.create(draft))
                .build();
    }

    @GET
    @Operation(operationId = "listProducts", summary = "The products and their editions")
    public ProductList list() {
        return new ProductList(products.list());
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getProduct", summary = "One product and its editions")
    public ProductView get(@PathParam("code") String code) {
        return products.get(code);
    }
}
