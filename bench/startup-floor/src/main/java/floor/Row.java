package floor;

/**
 * One stored row, mapped by META-INF/orm.xml in the product build only (so that the build without a database
 * compiles it too): Hibernate ORM starts in full only when it has an entity, as the service's dossiers give it.
 */
public class Row {

    public Long id;
    public String name;
}
