package org.licentia.catalog.boundary;

import java.util.List;
import org.licentia.catalog.entity.Edition;
import org.licentia.catalog.entity.Product;

/**
 * A product with its editions; {@code featureCatalog} is what an application lists for compact
 * computer keys ({@code NodeLock.withFeatureCatalog}), in this order.
 */
public record ProductView(
        String code, String name, boolean isDefault, List<EditionView> editions, List<String> featureCatalog) {

    public record EditionView(
            String code, String name, Integer maxSeats, Integer maxTermDays, boolean isDefault, List<String> features) {

        static EditionView of(Edition e) {
            return new EditionView(
                    e.code(),
                    e.name(),
                    e.maxSeats().orElse(null),
                    e.maxTermDays().orElse(null),
                    e.isDefault(),
                    e.features());
        }
    }

    static ProductView of(Product p, List<Edition> editions) {
        return new ProductView(
                p.code(),
                p.name(),
                p.isDefault(),
                editions.stream().map(EditionView::of).toList(),
                Edition.featureCatalog(editions));
    }
}
